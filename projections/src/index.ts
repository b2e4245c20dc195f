export * from './runtime/checkpoint-store';
export * from './runtime/projection-host';
export * from './runtime/projection-runner';
export * from './runtime/readmodel-db';
export * from './runtime/rebuild';
export * from './runtime/sqlite-projection';
export * from './guilds/guilds.projection';
export * from './guilds/guilds.read-model';
