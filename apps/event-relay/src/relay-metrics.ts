import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { LogCheckpoint, RecordedEvent } from '@civic/event-store';
import { ConsumerLag, RelayStatus } from '@civic/messaging';
import { LATENCY_BUCKETS, secondsSinceRecorded } from '@civic/platform';

/** The provider that registers them when the service starts. */
export const RELAY_METRICS = Symbol('RELAY_METRICS');

/**
 * The relay's own metrics, read from its status at each scrape: whether this instance leads, the log's head and the
 * relay's checkpoint (their difference is what waits to be published), events held back and published.
 */
export function registerRelayMetrics(registry: Registry, relay: { status(): RelayStatus }, logHead: () => Promise<LogCheckpoint>): void {
  const registers = [registry];
  new Gauge({
    name: 'relay_leader',
    help: '1 while this instance leads (holds the lock and publishes), 0 while it starts, stands by or has stopped',
    registers,
    collect() {
      this.set(relay.status().role === 'leader' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'relay_log_head_position',
    help: 'Global position of the last event a reader of the log can take now',
    registers,
    async collect() {
      // A database that does not answer leaves the last value; /health/ready says why.
      try {
        this.set(Number((await logHead()).position));
      } catch {
        /* kept */
      }
    },
  });
  new Gauge({
    name: 'relay_checkpoint_position',
    help: 'Global position of the last event published to Kafka (0 before the first)',
    registers,
    collect() {
      this.set(Number(relay.status().checkpoint?.position ?? 0));
    },
  });
  new Gauge({
    name: 'relay_events_held_back',
    help: 'Events read but held back because an earlier event of their stream is not yet published',
    registers,
    collect() {
      this.set(relay.status().heldBack);
    },
  });
  new Counter({
    name: 'relay_events_published_total',
    help: 'Events published to Kafka by this instance since it started',
    registers,
    collect() {
      this.reset();
      this.inc(relay.status().published);
    },
  });
}

/**
 * The relay's publishing, told by the relay after each batch Kafka acknowledged: how long the acknowledgement took,
 * and how long each event took from the log to Kafka (its `recordedAt` to the acknowledgement).
 */
export function publishingMetrics(registry: Registry): (batch: readonly RecordedEvent[], sendSeconds: number) => void {
  const registers = [registry];
  const duration = new Histogram({
    name: 'relay_publish_duration_seconds',
    help: 'How long Kafka took to acknowledge a batch of events (all in-sync replicas)',
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const latency = new Histogram({
    name: 'relay_publish_latency_seconds',
    help: 'How long each event took from its recording in the log to its acknowledgement by Kafka',
    buckets: LATENCY_BUCKETS,
    registers,
  });
  return (batch, sendSeconds) => {
    duration.observe(sendSeconds);
    const now = Date.now();
    for (const event of batch) latency.observe(secondsSinceRecorded(event.recordedAt, now));
  };
}

/**
 * `kafka_consumergroup_lag{consumergroup,topic,partition}`, named and labelled as Kafka exporters name it (Strimzi's
 * Kafka Exporter, kafka_exporter): messages of each partition beyond the offset the group committed to Kafka. The
 * relay measures the groups it is told of (the projectors') because it stays up while they are down: a consumer
 * cannot report the lag that grows while it is stopped. Projectors commit to Kafka every few seconds (their truth
 * is the offsets in Postgres), so this lags the read models by those seconds.
 */
export function registerConsumerLagMetric(registry: Registry, groups: readonly string[], lagOf: (group: string) => Promise<readonly ConsumerLag[]>): void {
  new Gauge({
    name: 'kafka_consumergroup_lag',
    help: 'Messages of each partition beyond the offset the consumer group committed to Kafka (the projectors commit every few seconds)',
    labelNames: ['consumergroup', 'topic', 'partition'],
    registers: [registry],
    async collect() {
      for (const group of groups) {
        try {
          for (const lag of await lagOf(group)) this.set({ consumergroup: group, topic: lag.topic, partition: String(lag.partition) }, Number(lag.lag));
        } catch {
          // Kafka not answering leaves the last values; /health/ready says why.
        }
      }
    },
  });
}
