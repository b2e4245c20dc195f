export * from './field-cipher';
export * from './personal-data-keys';
export * from './personal-fields';
export * from './shredding-event-store';
export * from './sqlite-personal-data-keys';
