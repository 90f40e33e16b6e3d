/**
 * Dependency rules of the monorepo (docs/adr/0001-monorepo-layout.md). Checked in the test run by
 * test/architecture/dependency-rules.spec.ts.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'libs/domain holds pure deciders and rules: no framework, database, broker or I/O code, not even Node built-ins.',
      from: { path: '^libs/domain/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'apps-are-independent',
      severity: 'error',
      comment: 'An app never imports another app; shared code lives in libs/.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'production-code-does-not-import-testing',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['^libs/testing/', '\\.(int-|e2e-)?spec\\.ts$'] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'database-imports-no-civic-lib',
      severity: 'error',
      comment: 'libs/database is the connection to Postgres for every service: it knows nothing of the log, the read models or the schema.',
      from: { path: '^libs/database/', pathNot: '\\.(int-)?spec\\.ts$' },
      to: { path: '^libs/', pathNot: '^libs/database/' },
    },
    {
      name: 'schema-is-for-tools',
      severity: 'error',
      comment: 'libs/schema assembles every migration of both sides; only tools (deploy/, bench/, the operator CLI) run it, so no service loads the other side to start.',
      from: { path: '^(apps|libs)/', pathNot: '^(libs/schema|apps/cli)/' },
      to: { path: '^libs/schema/' },
    },
    {
      name: 'write-side-does-not-reach-read-side',
      severity: 'error',
      comment: 'Commands are decided and stored without the read models: the write side meets the read side only through the events.',
      from: { path: '^(apps/records-api|libs/(domain|event-store|admin-units))/', pathNot: '\\.(int-|e2e-)?spec\\.ts$' },
      to: { path: '^(libs/projections|apps/query-api)/', reachable: true },
    },
    {
      name: 'read-side-does-not-import-write-side',
      severity: 'error',
      comment: 'The read models are built from events, not from the command side: the projections import the event contract (event-store types, domain events), never records-api or the registry import.',
      from: { path: '^(apps/query-api|libs/projections)/', pathNot: '\\.(int-|e2e-)?spec\\.ts$' },
      to: { path: '^(apps/records-api|libs/registry-import)/' },
    },
    {
      name: 'platform-serves-every-service-alike',
      severity: 'error',
      comment: 'libs/platform is the HTTP, auth and health frame of every service: it knows no side. A service hands it what only it knows (its problem mappers, its readiness checks).',
      from: { path: '^libs/platform/', pathNot: '\\.(int-)?spec\\.ts$' },
      to: { path: '^libs/', pathNot: '^libs/(platform|database|domain)/' },
    },
    {
      name: 'code-does-not-import-deploy',
      severity: 'error',
      comment: 'deploy/ holds the scripts that run the system; apps, libs and their tests use libs/local-run for processes, ports and development keys.',
      from: { path: '^(apps|libs)/' },
      to: { path: '^deploy/' },
    },
    {
      name: 'services-do-not-load-local-run',
      severity: 'error',
      comment: 'libs/local-run starts processes and mints development tokens for tools, tests and the CLI; no service loads it.',
      from: { path: '^(apps|libs)/', pathNot: ['^apps/cli/', '^libs/(testing|local-run)/', '\\.(int-|e2e-)?spec\\.ts$'] },
      to: { path: '^libs/local-run/', reachable: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
