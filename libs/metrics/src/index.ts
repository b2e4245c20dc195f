export * from './guildhall-metrics';
