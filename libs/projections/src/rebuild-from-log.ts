import { Pool } from 'pg';
import { checkpointOf, GapFreeLogReader, LOG_START, LogCheckpoint } from '@civic/event-store';
import { ProjectionApplier } from './projection-applier';

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
    const client = await target.connect();
    try {
      await client.query('BEGIN');
      for (const event of batch) await applier.apply(client, event);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    events += batch.length;
    checkpoint = checkpointOf(batch[batch.length - 1]);
    onProgress?.(events);
  }
}
