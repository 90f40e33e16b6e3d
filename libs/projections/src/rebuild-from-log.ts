import { Pool } from 'pg';
import { checkpointOf, GapFreeLogReader, LOG_START, LogCheckpoint, RecordedEvent } from '@civic/event-store';
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
    try {
      await applyBatch(target, applier, batch, false);
    } catch (error) {
      // As the live projector does: go again event by event, parking what cannot be applied.
      if (isTransient(error)) throw error;
      await applyBatch(target, applier, batch, true);
    }
    events += batch.length;
    checkpoint = checkpointOf(batch[batch.length - 1]);
    onProgress?.(events);
  }
}

async function applyBatch(target: Pool, applier: ProjectionApplier, batch: readonly RecordedEvent[], isolateFailures: boolean): Promise<void> {
  const client = await target.connect();
  try {
    await client.query('BEGIN');
    for (const event of batch) await applier.apply(client, event, { isolateFailures });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
