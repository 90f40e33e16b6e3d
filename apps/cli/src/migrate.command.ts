import { setTimeout as delay } from 'node:timers/promises';
import { Command } from 'commander';
import { databaseUrlFromEnv } from '@civic/database';
import { runMigrations, schemaIsCurrent } from '@civic/schema';

/** How often `migrate --wait` looks again. */
const WAIT_STEP_MS = 2_000;

/**
 * `migrate`: the schema of the log, the registry and the read models brought up to date (a deployment's first job).
 * `migrate --wait`: applies nothing, and returns once another job has applied every migration, so a service's pod
 * starts on the schema its code expects (its init container in deploy/k8s).
 */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply the migrations not yet applied to the database of DATABASE_URL')
    .option('--wait', 'apply nothing; wait until every migration has been applied (by the setup job)')
    .action(async (options: { wait?: boolean }) => {
      const url = databaseUrlFromEnv();
      if (!options.wait) {
        const applied = await runMigrations(url);
        console.log(applied.length ? `applied ${applied.join(', ')}` : 'schema is up to date');
        return;
      }
      while (!(await schemaIsCurrent(url).catch(() => false))) {
        console.log(`the schema is not up to date yet (or the database does not answer); looking again in ${WAIT_STEP_MS} ms`);
        await delay(WAIT_STEP_MS);
      }
      console.log('schema is up to date');
    });
}
