import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../../libs/schema/src';
import { provisionKafka } from './kafka';
import { logger } from './log';
import { databaseUrlFor, dropDatabase, ensureDatabase, provisionPostgres, withClient } from './postgres';
import { repoRoot, buildServices, ensureSigningKey, SIGNING_KEY_FILE } from '../../libs/local-run/src';
import { createRegistryTemplate } from './registry';
import { runJest } from './jest-process';

const log = logger('test');

/**
 * `npm test`: provisions Postgres and a fresh Kafka once, migrates a template database that every integration
 * and end-to-end test file clones, builds the services, runs the three Jest levels, and cleans up. Extra
 * arguments go to Jest (`npm test -- --selectProjects unit`).
 */
async function main(): Promise<number> {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const postgres = await provisionPostgres(logger('postgres'));
  const stateDir = mkdtempSync(join(tmpdir(), 'civic-kafka-'));
  const kafka = await provisionKafka(logger('kafka'), { stateDir, fresh: true });
  const template = `civic_test_${runId}_template`;
  const registryTemplate = `civic_test_${runId}_template_registry`;
  try {
    await ensureDatabase(postgres.adminUrl, template);
    const applied = await runMigrations(databaseUrlFor(postgres.adminUrl, template));
    log(`template database ${template}: ${applied.length} migrations`);
    // A second template with the registry loaded, for tests of commands checked against it.
    await createRegistryTemplate(postgres.adminUrl, template, registryTemplate, logger('registry'));
    log('building services');
    await buildServices();
    // A signing key of this run: the services of each test trust it, the tests mint their tokens with it.
    ensureSigningKey(join(stateDir, 'auth'), 'civic-records-test', 'civic-records');
    const jestArgs = process.argv.slice(2);
    const resultsFile = join(stateDir, 'jest-results.json');
    const { failed } = await runJest([join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--json', `--outputFile=${resultsFile}`, ...jestArgs], resultsFile, {
      cwd: repoRoot,
      env: {
        ...process.env,
        CIVIC_TEST_RUN_ID: runId,
        CIVIC_TEST_SIGNING_KEY_FILE: join(stateDir, 'auth', SIGNING_KEY_FILE),
        CIVIC_TEST_ADMIN_URL: postgres.adminUrl,
        CIVIC_TEST_TEMPLATE_DB: template,
        CIVIC_TEST_REGISTRY_TEMPLATE_DB: registryTemplate,
        KAFKA_BROKERS: kafka.brokers.join(','),
      },
    });
    printTotals(resultsFile);
    return failed ? 1 : 0;
  } catch (error) {
    log((error as Error).message);
    return 1;
  } finally {
    await dropRunDatabases(postgres.adminUrl, runId);
    await kafka.stop();
    rmSync(stateDir, { recursive: true, force: true });
    await postgres.stop();
  }
}

/** The plain closing line CI reads: `tests: N passed, N failed`. */
function printTotals(resultsFile: string): void {
  if (!existsSync(resultsFile)) return;
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as { numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites: number };
  // A file that fails to load has no tests to count; it is a failure all the same.
  const broken = results.numRuntimeErrorTestSuites ? ` (${results.numRuntimeErrorTestSuites} test files failed to run)` : '';
  process.stdout.write(`tests: ${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed${broken}\n`);
}

async function dropRunDatabases(adminUrl: string, runId: string): Promise<void> {
  const names = await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `civic_test_${runId}_%`,
    ]);
    return rows.map((row) => row.datname);
  });
  for (const name of names) await dropDatabase(adminUrl, name);
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    log(error.stack ?? error.message);
    process.exit(1);
  },
);
