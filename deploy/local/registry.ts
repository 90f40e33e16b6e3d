import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadOfficialRegistry, UnitRegistryImporter } from '../../libs/registry-import/src';
import { createPool } from '../../libs/database/src';
import { PublishedEventContract } from '../../libs/messaging/src';
import { Log } from './log';
import { repoRoot } from '../../libs/local-run/src';
import { databaseUrlFor, withClient } from './postgres';

/** The official unit lists beside the repository (../shared), read in place. */
export const OFFICIAL_LISTS_DIR = process.env.CIVIC_ADMIN_UNITS_DIR ?? join(repoRoot, '..', 'shared', 'data', 'admin-units');

/** Imports every official list not yet in the registry of `databaseUrl`. */
export async function loadRegistry(databaseUrl: string, log: Log): Promise<void> {
  if (!existsSync(OFFICIAL_LISTS_DIR)) {
    log(`no official lists at ${OFFICIAL_LISTS_DIR}; the unit registry stays as it is (set CIVIC_ADMIN_UNITS_DIR)`);
    return;
  }
  const pool = createPool('civic-registry-loader', databaseUrl, 2);
  try {
    const importer = new UnitRegistryImporter(pool, { subject: 'system-loader', roles: ['administrator'] }, new PublishedEventContract());
    const reports = await loadOfficialRegistry(importer, OFFICIAL_LISTS_DIR, (list) => {
      log(`importing ${list}`);
      return undefined;
    });
    for (const report of reports) log(`${report.list}: ${report.unchanged ? 'already loaded' : `${report.events} events`}`);
  } finally {
    await pool.end();
  }
}

/**
 * Clones `template` into `name` and loads the official registry there, with the relay's checkpoint after the
 * registry's events: a database made from it publishes only what is recorded later (tests, benchmarks).
 */
export async function createRegistryTemplate(adminUrl: string, template: string, name: string, log: Log): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = databaseUrlFor(adminUrl, name);
  await loadRegistry(url, log);
  await withClient(url, (client) =>
    client.query(
      `INSERT INTO log_checkpoints (reader, transaction_id, global_position)
       SELECT 'event-relay', transaction_id, global_position FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    ),
  );
}
