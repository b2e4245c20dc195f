export * from './analytics-client';
export * from './analytics-errors';
