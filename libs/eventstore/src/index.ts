export * from './envelope';
export * from './errors';
export * from './event-store.port';
export * from './upcasting';
export * from './sqlite/sqlite-event-store';
