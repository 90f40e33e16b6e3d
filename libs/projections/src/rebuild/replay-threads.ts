import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { LogCheckpoint, LogPartition } from '@civic/event-store';
import { startThread } from '../threads';

/** What a replay thread replays: one partition of the log, after `from` up to `upTo`, for the named projections. */
export interface PartitionReplay {
  readonly databaseUrl: string;
  readonly projections: readonly string[];
  readonly partition: LogPartition;
  readonly from: LogCheckpoint;
  readonly upTo: LogCheckpoint;
}

/** What a replay thread tells the rebuild: events applied, the end, or why it failed. */
export type ReplayMessage = { applied: number } | { done: number } | { failed: { message: string; stack?: string } };

/**
 * At most one replay thread per core, and no more than 4: each reads the whole log to keep its share, so Postgres's
 * cost of reading grows with them: past one thread per core, more threads were slower (docs/performance.md,
 * "Measurements behind the code").
 */
export const REPLAY_THREADS = Math.max(1, Math.min(availableParallelism(), 4));

/**
 * Replays the log up to a fixed checkpoint in `threads` worker threads, each taking one partition of the streams
 * (ReplayableLog.readPartitionAfter) into the shadow tables with its own connections. A rebuild's replay is bound by Node's one
 * core: reading, parsing and applying a million events kept it busy while Postgres had a core to spare
 * (docs/adr/0023-replay-threads.md). Answers how many events the projections took; the first failure stops them all.
 */
export async function replayInThreads(
  replay: Omit<PartitionReplay, 'partition'>,
  threads: number,
  onApplied?: (applied: number) => void,
): Promise<number> {
  const workers = Array.from({ length: threads }, (_, index) => startReplayThread({ ...replay, partition: { index, count: threads } }));
  try {
    const done = await Promise.all(workers.map((worker) => finished(worker, onApplied)));
    return done.reduce((sum, events) => sum + events, 0);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function finished(worker: Worker, onApplied?: (applied: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    worker.on('message', (message: ReplayMessage) => {
      if ('applied' in message) onApplied?.(message.applied);
      else if ('done' in message) resolve(message.done);
      else reject(Object.assign(new Error(message.failed.message), { stack: message.failed.stack }));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`A replay thread stopped (exit code ${code}) before it finished`)));
  });
}

/**
 * A young generation large enough for a batch in flight and the next one read ahead (two times 2,000 events and
 * their rows): with V8's default, presumably, they outlive scavenges and are promoted, to be collected again by
 * the old generation's collector. Alternated on the 1M-event probe: replay 45.3 / 41.9 s by default, 36.0 / 32.7 / 39.2 s
 * with 128 MB (64 MB: 39.8 s, 256 MB: 41.1 s).
 */
const REPLAY_THREAD_LIMITS = { maxYoungGenerationSizeMb: 128 };

function startReplayThread(workerData: PartitionReplay): Worker {
  return startThread(__dirname, 'replay-worker', workerData, REPLAY_THREAD_LIMITS);
}
