export * from './paths';
export * from './wait';
export * from './ports';
export * from './processes';
export * from './services';
export * from './dev-auth';
export * from './dev-token';
export * from './anchor-key';
