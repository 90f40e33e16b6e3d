import { Counter, Gauge, Registry } from 'prom-client';
import { LogCheckpoint } from '@civic/event-store';
import { RelayStatus } from '@civic/messaging';

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
