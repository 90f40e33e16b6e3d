export * from './topics';
export * from './cloud-event-codec';
export * from './kafka-client';
export * from './relay/log-to-kafka-relay';
export * from './contract/event-contract';
export * from './contract/published-event-contract';
export * from './kafka-observer';
export * from './kafka-log';
