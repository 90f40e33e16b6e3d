import { Command } from 'commander';
import { databaseUrlFromEnv } from '@civic/database';
import { runMigrations } from '@civic/schema';

/** `migrate`: the schema of the log, the registry and the read models brought up to date (a deployment's first job). */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply the migrations not yet applied to the database of DATABASE_URL')
    .action(async () => {
      const applied = await runMigrations(databaseUrlFromEnv());
      console.log(applied.length ? `applied ${applied.join(', ')}` : 'schema is up to date');
    });
}
