export * from './address-ranges';
export * from './allow-list';
export * from './outbound-errors';
export * from './outbound-guard';
export * from './guarded-fetch';
export * from './outbound.module';
