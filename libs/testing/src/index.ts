export * from './decider-spec';
export * from './test-database';
export * from './test-kafka';
export * from './wait-for';
export * from './running-system';
export * from './shared-data';
export * from './run-command';
export * from './test-tokens';
