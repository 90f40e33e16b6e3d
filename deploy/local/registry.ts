import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadOfficialRegistry, UnitRegistryImporter } from '../../libs/admin-units/src';
import { createPool } from '../../libs/database/src';
import { Log } from './log';
import { repoRoot } from './paths';

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
    const importer = new UnitRegistryImporter(pool, { subject: 'system-loader', roles: ['administrator'] });
    const reports = await loadOfficialRegistry(importer, OFFICIAL_LISTS_DIR, (list) => {
      log(`importing ${list}`);
      return undefined;
    });
    for (const report of reports) log(`${report.list}: ${report.unchanged ? 'already loaded' : `${report.events} events`}`);
  } finally {
    await pool.end();
  }
}
