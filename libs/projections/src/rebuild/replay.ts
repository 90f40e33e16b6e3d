import { Pool } from 'pg';
import { checkpointOf, LogCheckpoint, LogInOrder } from '@civic/event-store';
import { markingReadModelSessions, READ_MODEL_SESSION_OPTION, survivingConnectionLoss } from '@civic/database';
import { ProjectionRunner } from '../runner/projection-runner';
import { applyInOwnTransaction } from '../runner/rebuild-from-log';
import { SHADOW_SCHEMA } from './shadow-schema';

export const REPLAY_BATCH = 2000;
/** Transactions applying one batch side by side: a replay waits on round trips as much as on CPU. */
const PARALLEL_APPLIERS = 2;

/**
 * Connections into the shadow tables: the shadow schema first (the log and dead letters are only in public). They
 * write read models only: as read-model sessions, their long batches do not hold the relay back. Their commits do
 * not wait for the disk: a crash throws the shadow tables away anyway; the swap's commit does wait.
 */
export function shadowPool(databaseUrl: string, applicationName: string, max = PARALLEL_APPLIERS + 1): Pool {
  const pool = new Pool({
    connectionString: databaseUrl,
    application_name: applicationName,
    max,
    options: `-c search_path=${SHADOW_SCHEMA},public -c synchronous_commit=off ${READ_MODEL_SESSION_OPTION}`,
    ...markingReadModelSessions((error) => console.error(`[${applicationName}] could not mark a read-model session: ${error.message}`)),
  });
  return survivingConnectionLoss(pool, applicationName);
}

/**
 * Replays what `source` holds after `from` (the whole log or one partition of it) into the shadow tables, batch after batch, and answers how many events
 * the projections took and the checkpoint reached. The next batch is read while one is applied; a batch is split
 * by stream over parallel transactions, each stream's events staying in order in one of them (streams are
 * independent). Events of read models not rebuilt are read and passed over. The shadow tables are thrown away if
 * anything fails.
 */
export async function replayLog(
  source: LogInOrder,
  from: LogCheckpoint,
  shadow: Pool,
  runner: ProjectionRunner,
  onBatch?: (applied: number) => void,
): Promise<{ events: number; checkpoint: LogCheckpoint }> {
  const read = (after: LogCheckpoint) => {
    const reading = source.readAfter(after, REPLAY_BATCH);
    reading.catch(() => undefined); // awaited below; not an unhandled rejection if applying fails first
    return reading;
  };
  let events = 0;
  let checkpoint = from;
  let next = read(checkpoint);
  for (;;) {
    const batch = await next;
    if (!batch.length) return { events, checkpoint };
    checkpoint = checkpointOf(batch[batch.length - 1]);
    next = read(checkpoint);
    const wanted = batch.filter((event) => runner.wants(event).length);
    await Promise.all(byStream(wanted, PARALLEL_APPLIERS).map((part) => applyInOwnTransaction(shadow, runner, part)));
    events += wanted.length;
    onBatch?.(wanted.length);
  }
}

/** Splits events into `parts` groups by stream, keeping each stream's events together and in order. */
function byStream<T extends { streamId: string }>(events: readonly T[], parts: number): T[][] {
  const groups: T[][] = Array.from({ length: parts }, () => []);
  for (const event of events) {
    let hash = 0;
    for (let i = 0; i < event.streamId.length; i += 1) hash = (hash * 31 + event.streamId.charCodeAt(i)) | 0;
    groups[Math.abs(hash) % parts].push(event);
  }
  return groups.filter((group) => group.length);
}
