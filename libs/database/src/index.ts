export * from './database-config';
export * from './connection-loss';
export * from './read-model-session';
export * from './queryable';
export * from './read-model-changes/read-model-changes';
export * from './read-model-changes/summary-cache';
export * from './rate-limit-counts.migration';
