import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { runCommand } from '@civic/testing';
import { repoRoot } from '@civic/local-run';

/**
 * The jobs a deployment runs before the services (docker-compose.yml, deploy/k8s), as the image runs them: the built
 * CLI, on an empty database, with the official lists mounted where CIVIC_ADMIN_UNITS_DIR says.
 */
describe('Deployment jobs: migrate, then load the unit registry', () => {
  const adminUrl = process.env.CIVIC_TEST_ADMIN_URL!;
  const name = `civic_test_jobs_${randomBytes(4).toString('hex')}`;
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const lists = process.env.CIVIC_ADMIN_UNITS_DIR ?? join(repoRoot, '..', 'shared', 'data', 'admin-units');
  const cli = (...args: string[]) => runCommand(process.execPath, [join(repoRoot, 'dist', 'apps', 'cli', 'src', 'main.js'), ...args], { DATABASE_URL: url, CIVIC_ADMIN_UNITS_DIR: lists });
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  let pool: Pool;

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${name}" TEMPLATE template0`);
    pool = new Pool({ connectionString: url, max: 1 });
  });
  afterAll(async () => {
    await pool?.end();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('migrates an empty database once when two jobs start together, and again finds nothing to do; a service waiting for the schema starts once it is done', async () => {
    const waiting = cli('migrate', '--wait');
    const jobs = await Promise.all([cli('migrate'), cli('migrate')]);
    expect(jobs.map(({ code, stderr }) => ({ code, stderr }))).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
    ]);
    // One job applied everything; the other waited for it and found nothing left.
    expect(jobs.map(({ stdout }) => (stdout.startsWith('applied ') ? 'applied' : stdout.trim())).sort()).toEqual(['applied', 'schema is up to date']);
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM migrations');
    expect(rows[0].n).toBeGreaterThan(10);
    const again = await cli('migrate');
    expect(again.stdout.trim()).toBe('schema is up to date');
    const waited = await waiting;
    expect({ code: waited.code, stderr: waited.stderr }).toEqual({ code: 0, stderr: '' });
    expect(waited.stdout.trim().split('\n').pop()).toBe('schema is up to date');
    expect((await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM migrations')).rows[0].n).toBe(rows[0].n);
  });

  it('loads every official list from the mounted folder, and again imports nothing twice', async () => {
    const loaded = await cli('units', 'load-official');
    expect(loaded.code).toBe(0);
    const count = async () => (await pool.query<{ units: number; events: number }>(`SELECT (SELECT count(DISTINCT code)::int FROM rm_unit_versions) AS units, (SELECT count(*)::int FROM events) AS events`)).rows[0];
    const after = await count();
    // Every ward, district and province of the 2021 list at least (about ten thousand codes).
    expect(after.units).toBeGreaterThan(10_000);
    expect((await cli('units', 'load-official')).code).toBe(0);
    expect(await count()).toEqual(after);
  });
});
