// @ts-check
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};

/**
 * Three levels, by file suffix (docs/adr/0004-three-test-levels.md):
 *   unit  *.spec.ts               pure and fast
 *   int   *.int-spec.ts           real Postgres and real Kafka, provisioned once per run by deploy/local/test.sh
 *   e2e   test/**\/*.e2e-spec.ts  the four services as real processes, over HTTP and Kafka
 * @type {import('jest').Config}
 */
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,deploy,test}/**/*.spec.ts'] },
    { ...shared, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,deploy}/**/*.int-spec.ts'], setupFilesAfterEnv: ['<rootDir>/libs/testing/jest/int-timeout.js'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], setupFilesAfterEnv: ['<rootDir>/libs/testing/jest/e2e-timeout.js'] },
  ],
};
