import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..');

/**
 * The scripts under deploy/ and bench/ run through tsx, which does not type-check: a lib that moves or renames
 * an export would break them silently until someone runs the bench. tsc checks them here.
 */
describe('the tools', () => {
  it('type-check against the libs they use (deploy/, bench/)', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'deploy/tsconfig.json'], { cwd: repoRoot, encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  });

  it('type-check the dashboard, which esbuild bundles without checking (apps/dashboard, with the DOM\'s types)', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'apps/dashboard/tsconfig.json'], { cwd: repoRoot, encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  });
});
