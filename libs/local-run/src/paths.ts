import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Downloads (Kafka jars, embedded Postgres data) live outside the repository so a fresh clone reuses them. */
export function cacheDir(): string {
  return process.env.CIVIC_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'civic-records');
}

export const repoRoot = resolve(__dirname, '..', '..', '..');

/** Runtime state of `npm start` (Kafka data, logs, pid files); ignored by git. */
export const runDir = join(repoRoot, '.run');
