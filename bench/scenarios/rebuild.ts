import { Pool } from 'pg';
import { GapFreeLogReader, LOG_START, checkpointOf, LogCheckpoint } from '@civic/event-store';
import { ALL_PROJECTIONS, ShadowRebuild } from '@civic/projections';
import { Figure, figure, nowMs } from '../measure';

/**
 * 5. Rebuild: events per second rebuilding every read model from the log (the zero-downtime rebuild, shadow
 * tables and swap included), against the floor of merely reading and parsing the same events in order.
 */
export async function rebuildScenario(database: { url: string; pool: Pool }): Promise<Figure[]> {
  const reader = new GapFreeLogReader(database.pool);
  const readStarted = nowMs();
  let read = 0;
  let checkpoint: LogCheckpoint = LOG_START;
  for (;;) {
    const batch = await reader.readAfter(checkpoint, 2000); // the batch size of the rebuild
    if (!batch.length) break;
    read += batch.length;
    checkpoint = checkpointOf(batch[batch.length - 1]);
  }
  const readSeconds = (nowMs() - readStarted) / 1000;

  const report = await new ShadowRebuild(database.url, ALL_PROJECTIONS).run();
  return [
    figure(`rebuild of all read models, ${report.events} events`, 'events/s', 'events/s', report.eventsPerSecond, { name: 'read and parse in order', value: read / readSeconds }, (r) => ({ text: '≥ 0.5 × read-and-parse', met: (r ?? 0) >= 0.5 })),
  ];
}
