export * from './config';
export * from './config.module';
export * from './outbound-config';
export * from './discord-config';
export * from './automod-config';
export * from './sse-config';
export * from './personal-data-config';
export * from './webhook-config';
