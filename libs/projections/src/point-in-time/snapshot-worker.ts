import { setTimeout as delay } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { commendationsProjection } from '../commendations/commendations.projection';
import { meetingsProjection } from '../meetings/meetings.projection';
import { movementsProjection } from '../movements/movements.projection';
import { ReadModelSnapshots, snapshotterPool } from './read-model-snapshots';
import { SnapshotKeeping, SnapshotMessage } from './snapshot-thread';

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

/** The snapshot thread (snapshot-thread.ts): catches up, waits, and again, until told to stop. */
async function keepSnapshots({ databaseUrl, everyEvents, maxAgeMs, checkEveryMs }: SnapshotKeeping): Promise<void> {
  const post = (message: SnapshotMessage) => parentPort?.postMessage(message);
  const stop = new AbortController();
  parentPort?.on('message', (message) => message === 'stop' && stop.abort());
  const pool = snapshotterPool(databaseUrl);
  // The civic records: the registry has its own history (rm_unit_versions) and is replayed when it changed.
  const snapshots = new ReadModelSnapshots(pool, [meetingsProjection, commendationsProjection, movementsProjection]);
  let failures = 0;
  while (!stop.signal.aborted) {
    let wait = checkEveryMs;
    try {
      await snapshots.catchUp({ everyEvents, maxAgeMs }, { onSnapshot: (taken) => post({ taken }), stopped: () => stop.signal.aborted });
      failures = 0;
    } catch (error) {
      wait = Math.min(FIRST_RETRY_MS * 2 ** failures, LAST_RETRY_MS);
      failures += 1;
      post({ failed: (error as Error).message, retryInMs: wait });
    }
    await delay(wait, undefined, { signal: stop.signal }).catch(() => undefined);
  }
  await pool.end();
  post({ stopped: true });
  parentPort?.close();
}

keepSnapshots(workerData as SnapshotKeeping).catch((error: Error) => {
  parentPort?.postMessage({ failed: error.message, retryInMs: 0 } satisfies SnapshotMessage);
  process.exit(1);
});
