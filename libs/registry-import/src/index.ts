export * from './unit-list-rejected';
export * from './flat-unit-list';
export * from './reform-lists';
export * from './registry-importer';
export * from './official-lists';
export * from './mergers-2025-01-01';
