export * from './unit-registry.reader';
export * from './unit-registry-snapshot';
