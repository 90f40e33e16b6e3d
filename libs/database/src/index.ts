export * from './database-config';
export * from './migrations';
