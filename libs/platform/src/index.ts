export * from './problem-details';
export * from './problem-details.filter';
export * from './validation';
export * from './database.module';
export * from './health.controller';
export * from './bootstrap';
export * from './text.decorators';
export * from './command-context';
