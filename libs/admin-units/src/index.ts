export * from './unit-registry.reader';
export * from './unit-registry-snapshot';
export * from './unit-roll-up';
