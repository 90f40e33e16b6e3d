import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { Pool } from 'pg';
import { RecordedEvent } from '@civic/event-store';
import { LATENCY_BUCKETS, secondsSinceRecorded } from '@civic/platform';
import { PartitionProgress } from './projector-readiness';

/** The provider that registers them when the service starts. */
export const PROJECTOR_METRICS = Symbol('PROJECTOR_METRICS');

/**
 * The projector's own metrics, read at each scrape: its consumer lag per partition (messages on Kafka not yet in the
 * read models, from Kafka's ends and the offsets stored with the read models), and whether its consumer runs.
 */
export function registerProjectorMetrics(registry: Registry, partitions: () => Promise<readonly PartitionProgress[]>, consuming: () => boolean, pool: Pool): void {
  const registers = [registry];
  new Gauge({
    name: 'projector_dead_letters',
    help: 'Events of the log a projection could not apply, parked (failed) or waiting behind a parked event of their stream, by projection',
    labelNames: ['projection', 'status'],
    registers,
    async collect() {
      try {
        const { rows } = await pool.query<{ projection: string; status: string; count: number }>(
          `SELECT projection, status, count(*)::int AS count FROM projection_dead_letters WHERE status IN ('PARKED', 'WAITING') GROUP BY projection, status`,
        );
        // A projection whose letters were all retried or skipped shows 0, not its last count.
        this.reset();
        for (const row of rows) this.set({ projection: row.projection, status: row.status.toLowerCase() }, row.count);
      } catch {
        /* kept */
      }
    },
  });
  new Gauge({
    name: 'projector_consumer_lag',
    help: 'Messages on Kafka not yet applied to the read models, per topic and partition',
    labelNames: ['topic', 'partition'],
    registers,
    async collect() {
      // Kafka or the database not answering leaves the last values; /health/ready says why.
      try {
        for (const p of await partitions()) this.set({ topic: p.topic, partition: String(p.partition) }, Number(p.end > p.next ? p.end - p.next : 0n));
      } catch {
        /* kept */
      }
    },
  });
  new Gauge({
    name: 'projector_consuming',
    help: '1 while the Kafka consumer runs',
    registers,
    collect() {
      this.set(consuming() ? 1 : 0);
    },
  });
}

/**
 * The projector's work, told by the projector after each batch it committed: events applied, how long the batch's
 * transaction took, and how long each event took from its recording in the log to the read models.
 */
export function applyingMetrics(registry: Registry): (events: readonly RecordedEvent[], applied: number, seconds: number) => void {
  const registers = [registry];
  const applied = new Counter({
    name: 'projector_events_applied_total',
    help: 'Events applied to the read models by this instance (a redelivered event already applied is not counted)',
    registers,
  });
  const duration = new Histogram({
    name: 'projector_apply_duration_seconds',
    help: 'How long one batch of events took to apply to the read models, in its one transaction',
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const latency = new Histogram({
    name: 'projector_apply_latency_seconds',
    help: 'How long each event took from its recording in the log to the read models',
    buckets: LATENCY_BUCKETS,
    registers,
  });
  return (events, count, seconds) => {
    applied.inc(count);
    duration.observe(seconds);
    const now = Date.now();
    for (const event of events) latency.observe(secondsSinceRecorded(event.recordedAt, now));
  };
}
