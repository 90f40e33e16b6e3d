import { Gauge, Registry } from 'prom-client';
import { PartitionProgress } from './projector-readiness';

/** The provider that registers them when the service starts. */
export const PROJECTOR_METRICS = Symbol('PROJECTOR_METRICS');

/**
 * The projector's own metrics, read at each scrape: its consumer lag per partition (messages on Kafka not yet in the
 * read models, from Kafka's ends and the offsets stored with the read models), and whether its consumer runs.
 */
export function registerProjectorMetrics(registry: Registry, partitions: () => Promise<readonly PartitionProgress[]>, consuming: () => boolean): void {
  const registers = [registry];
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
