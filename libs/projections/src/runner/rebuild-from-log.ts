import { Pool } from 'pg';
import { checkpointOf, inTransaction, LOG_START, LogCheckpoint, LogInOrder, RecordedEvent } from '@civic/event-store';
import { applyParkingFailures, ProjectionRunner } from './projection-runner';

/**
 * Runs the projections over the whole event log into the read models of `target`, in commit order, one
 * transaction per batch: the same projection code as the live projector, fed by the log instead of Kafka.
 */
export async function rebuildFromLog(
  log: LogInOrder,
  target: Pool,
  runner: ProjectionRunner,
  { batchSize = 1000, onProgress }: { batchSize?: number; onProgress?: (events: number) => void } = {},
): Promise<number> {
  let checkpoint: LogCheckpoint = LOG_START;
  let events = 0;
  for (;;) {
    const batch = await log.readAfter(checkpoint, batchSize);
    if (!batch.length) return events;
    await applyInOwnTransaction(target, runner, batch);
    events += batch.length;
    checkpoint = checkpointOf(batch[batch.length - 1]);
    onProgress?.(events);
  }
}

/** Applies a batch of the log in one transaction of `target`, parking what cannot be applied as the live projector does. */
export function applyInOwnTransaction(target: Pool, runner: ProjectionRunner, batch: readonly RecordedEvent[]): Promise<void> {
  return applyParkingFailures((options) =>
    inTransaction(target, async (client) => {
      await runner.apply(client, batch, options);
    }),
  );
}
