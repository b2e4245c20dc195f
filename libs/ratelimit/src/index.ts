export * from './policy';
export { pickTightest } from './gcra';
export * from './rate-limiter';
export * from './memory-rate-limiter';
export * from './redis-rate-limiter';
export * from './headers';
export * from './create-rate-limiter';
