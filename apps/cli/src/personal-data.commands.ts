import { Command } from 'commander';
import { Pool } from 'pg';
import { masterKeyFromEnv } from '@civic/event-store';
import { ensureMasterKeyFile } from '@civic/local-run';

/**
 * Refuses to apply events to the read models without the master key once the log holds sealed names: the grants'
 * search would be built without their recipients and those events parked, where the operator expects a faithful copy.
 */
export async function requireMasterKeyIfNamesAreSealed(pool: Pool): Promise<void> {
  if (masterKeyFromEnv()) return;
  const { rows } = await pool.query<{ sealed: boolean }>('SELECT EXISTS (SELECT 1 FROM personal_data_keys) AS sealed');
  if (rows[0].sealed) {
    throw new Error('The log holds sealed names: set PERSONAL_DATA_MASTER_KEY or PERSONAL_DATA_MASTER_KEY_FILE (as the projector has it) before applying events to the read models.');
  }
}

/** `personal-data master-key <file>`: the master key of people's names (docs/adr/0059), made unless the file exists. */
export function registerPersonalDataCommands(program: Command): void {
  const personalData = program.command('personal-data').description("People's names in the log: sealed under keys a master key wraps");
  personalData
    .command('master-key <file>')
    .description('Make a master key (32 random bytes, base64) in the file, unless one is there; keep a copy with the backups')
    .action((file: string) => {
      process.stdout.write(`master key ${ensureMasterKeyFile(file)} (PERSONAL_DATA_MASTER_KEY_FILE of records-api, query-api and the projector)\n`);
    });
}
