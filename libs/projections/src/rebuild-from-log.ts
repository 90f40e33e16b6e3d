import { Pool } from 'pg';
import { checkpointOf, GapFreeLogReader, inTransaction, LOG_START, LogCheckpoint, RecordedEvent } from '@civic/event-store';
import { ProjectionApplier } from './projection-applier';
import { isTransient } from './dead-letters/transient-error';

/**
 * Runs the projections over the whole event log of `source` into the read models of `target`, in commit order,
 * one transaction per batch: the same projection code as the live projector, fed by the log instead of Kafka.
 */
export async function rebuildFromLog(
  source: Pool,
  target: Pool,
  applier: ProjectionApplier,
  { batchSize = 1000, onProgress }: { batchSize?: number; onProgress?: (events: number) => void } = {},
): Promise<number> {
  const reader = new GapFreeLogReader(source);
  let checkpoint: LogCheckpoint = LOG_START;
  let events = 0;
  for (;;) {
    const batch = await reader.readAfter(checkpoint, batchSize);
    if (!batch.length) return events;
    await applyInOwnTransaction(target, applier, batch);
    events += batch.length;
    checkpoint = checkpointOf(batch[batch.length - 1]);
    onProgress?.(events);
  }
}

/**
 * Applies a batch of the log in one transaction of `target`. As the live projector does, a batch that fails for a
 * reason of its own runs again event by event, parking what cannot be applied.
 */
export async function applyInOwnTransaction(target: Pool, applier: ProjectionApplier, batch: readonly RecordedEvent[]): Promise<void> {
  try {
    await applyBatch(target, applier, batch, false);
  } catch (error) {
    if (isTransient(error)) throw error;
    await applyBatch(target, applier, batch, true);
  }
}

function applyBatch(target: Pool, applier: ProjectionApplier, batch: readonly RecordedEvent[], isolateFailures: boolean): Promise<void> {
  return inTransaction(target, async (client) => {
    for (const event of batch) await applier.apply(client, event, { isolateFailures });
  });
}
