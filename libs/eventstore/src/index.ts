export * from './envelope';
export * from './errors';
export * from './event-store.port';
export * from './upcasting';
export * from './upcasting-event-store';
export * from './observed-event-store';
export * from './sqlite/sqlite-event-store';
export * from './crypto-shredding/index';
