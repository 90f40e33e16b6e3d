import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../../libs/schema/src';
import { ensureSigningKey, mintToken, buildServices } from '../../libs/local-run/src';
import { logger } from '../local/log';
import { databaseUrlFor, dropDatabase, ensureDatabase, provisionPostgres } from '../local/postgres';
import { loadRegistry } from '../local/registry';
import { chaosTable, FULL_PLAN, keptPromises, QUICK_PLAN, runChaos } from './chaos';

const log = logger('chaos');

/**
 * `npm run chaos [-- --quick]`: the system under faults on a database and a Kafka broker of its own
 * (deploy/chaos/chaos.ts); prints what was injected and what held, and exits non-zero if a promise broke.
 */
async function main(): Promise<number> {
  const plan = process.argv.includes('--quick') ? QUICK_PLAN : FULL_PLAN;
  const postgres = await provisionPostgres(logger('postgres'));
  const name = `civic_chaos_${Date.now().toString(36)}`;
  const authDir = mkdtempSync(join(tmpdir(), 'civic-chaos-auth-'));
  try {
    const signingKey = ensureSigningKey(authDir, 'civic-records-chaos', 'civic-records');
    const token = await mintToken(signingKey, { subject: 'chaos', roles: ['administrator'], units: [], expiresIn: '2h' });
    await ensureDatabase(postgres.adminUrl, name);
    const databaseUrl = databaseUrlFor(postgres.adminUrl, name);
    await runMigrations(databaseUrl);
    await loadRegistry(databaseUrl, logger('registry'));
    log('building services');
    await buildServices();
    const report = await runChaos(plan, { databaseUrl, signingKey, token }, log);
    process.stdout.write(`\n${chaosTable(report)}\n\n`);
    const kept = keptPromises(report);
    log(kept ? 'every promise held' : 'a promise broke: see the table');
    return kept ? 0 : 1;
  } finally {
    rmSync(authDir, { recursive: true, force: true });
    await dropDatabase(postgres.adminUrl, name).catch(() => undefined);
    await postgres.stop();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      log(error.stack ?? error.message);
      process.exit(1);
    },
  );
}
