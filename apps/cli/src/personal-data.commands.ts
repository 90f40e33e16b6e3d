import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { Command } from 'commander';
import { Pool } from 'pg';
import { civicDateAt, DEFAULT_ERASURE_LEGAL_BASIS, DomainRuleViolation } from '@civic/domain';
import { CommandProcessor, masterKeyFromEnv, PersonalDataErasures, PersonalDataKeys, PostgresEventStore } from '@civic/event-store';
import { ensureMasterKeyFile } from '@civic/local-run';
import { PublishedEventContract } from '@civic/messaging';

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
export function registerPersonalDataCommands(program: Command, pool: () => Pool): void {
  const personalData = program.command('personal-data').description("People's names in the log: sealed under keys a master key wraps");
  personalData
    .command('master-key <file>')
    .description('Make a master key (32 random bytes, base64) in the file, unless one is there; keep a copy with the backups')
    .action((file: string) => {
      process.stdout.write(`master key ${ensureMasterKeyFile(file)} (PERSONAL_DATA_MASTER_KEY_FILE of records-api, query-api and the projector)\n`);
    });
  personalData
    .command('erase <streamId> <personName>')
    .description("Erase a person's name from a record at their request (as POST /v1/personal-data/erasures): destroys its keys, records PersonalDataErased")
    .requiredOption('--reason <text>', 'why: the request received, its number and date (recorded)')
    .option('--legal-basis <text>', 'the legal basis (recorded)', DEFAULT_ERASURE_LEGAL_BASIS)
    .option('--by <administrator>', 'who erases (recorded)')
    .action(async (streamId: string, personName: string, options: { reason: string; legalBasis: string; by?: string }) => {
      const connection = pool();
      try {
        const log = new PostgresEventStore(connection, new PublishedEventContract());
        const keys = new PersonalDataKeys(connection, masterKeyFromEnv());
        const commandId = randomUUID();
        const erasureId = randomUUID();
        const metadata = { actor: { subject: options.by ?? `cli:${userInfo().username}`, roles: ['administrator'] }, correlationId: commandId, causationId: commandId, commandId };
        const done = await new PersonalDataErasures(log, new CommandProcessor(log), keys).erase(
          { erasureId, recordStreamId: streamId, personName: personName.normalize('NFC').trim(), reason: options.reason.normalize('NFC').trim(), legalBasis: options.legalBasis.normalize('NFC').trim(), erasedOn: civicDateAt(new Date()) },
          { metadata, newEventId: randomUUID },
        );
        if (!done) throw new Error(`No record ${streamId} is in the log.`);
        process.stdout.write(`erased: ${done.erasure.keyIds.length} keys destroyed; recorded as ${done.result.streamId} (position ${done.result.position})\n`);
      } catch (error) {
        if (!(error instanceof DomainRuleViolation)) throw error;
        process.stderr.write(`${error.code}: ${error.rule}\n`);
        process.exitCode = 1;
      } finally {
        await connection.end();
      }
    });
}
