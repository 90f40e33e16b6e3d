export * from './unit-list-rejected';
export * from './flat-unit-list';
export * from './reform-lists';
export * from './registry-importer';
export * from './unit-registry.reader';
export * from './official-lists';
export * from './unit-registry-snapshot';
