export * from './event-envelope';
export * from './event-store.errors';
export * from './postgres-event-store';
export * from './log-reader';
export * from './command-processor';
export { CreateEventLog1763856000000 } from './migrations/1763856000000-create-event-log';
export * from './streams/meeting.stream';
export * from './streams/commendation.stream';
export * from './streams/movement.stream';
