import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { Counter, Gauge } from 'prom-client';
import { AnchorPublisher, LogAnchoring, readAnchorSigningKey } from '@civic/event-store';
import { anchorFilePublisher, createKafka, KafkaAnchorPublisher, publishingToAll } from '@civic/messaging';
import { InjectPool, ServiceMetrics, serviceLogger } from '@civic/platform';

/**
 * Signs the log's anchors every ANCHOR_INTERVAL_MS (docs/adr/0058) and publishes each to its Kafka topic and, when
 * ANCHOR_FILE is set, to that file, before storing it. Every relay instance does it, leader or standby: the makers
 * take turns under a lock and each continues from the last anchor stored, so a second one finds nothing to sign.
 * A failure (Kafka or the database away) is logged and tried again at the next tick; nothing is lost meanwhile,
 * since what is not yet anchored waits in the log.
 */
@Injectable()
export class AnchoringService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LogAnchoring');
  private timer?: NodeJS.Timeout;
  private tick?: Promise<void>;
  private kafka?: KafkaAnchorPublisher;
  private readonly signed: Counter;
  private readonly lastChecked: Gauge;

  constructor(
    @InjectPool() private readonly pool: Pool,
    metrics: ServiceMetrics,
  ) {
    const registers = [metrics.registry];
    this.signed = new Counter({ name: 'log_anchors_signed_total', help: 'Anchors of the log this instance signed and published', registers });
    this.lastChecked = new Gauge({
      name: 'log_anchor_checked_timestamp_seconds',
      help: 'When this instance last brought the anchors up to the log (Unix time); stale means the log is not being anchored',
      registers,
    });
  }

  onApplicationBootstrap(): void {
    const keyFile = process.env.ANCHOR_SIGNING_KEY_FILE;
    if (!keyFile) {
      this.logger.warn('the log is not anchored: ANCHOR_SIGNING_KEY_FILE is not set (docs/adr/0058)');
      return;
    }
    const anchoring = new LogAnchoring(this.pool, readAnchorSigningKey(keyFile));
    const anchorFile = process.env.ANCHOR_FILE;
    const interval = Number(process.env.ANCHOR_INTERVAL_MS ?? 60_000);
    const run = async () => {
      try {
        if (!this.kafka) {
          const kafka = new KafkaAnchorPublisher(createKafka('civic-log-anchoring', { logger: serviceLogger() }));
          await kafka.connect();
          this.kafka = kafka;
        }
        const publishers: AnchorPublisher[] = [this.kafka.publish, ...(anchorFile ? [anchorFilePublisher(anchorFile)] : [])];
        const made = await anchoring.anchorPending(publishingToAll(publishers));
        this.signed.inc(made.length);
        this.lastChecked.set(Date.now() / 1000);
        if (made.length) {
          const last = made[made.length - 1].anchor;
          this.logger.log(`signed ${made.length} anchor(s), the log anchored up to position ${last.upTo.position} (anchor ${last.sequence})`);
        }
      } catch (error) {
        this.logger.warn(`the log could not be anchored now (${(error as Error).message}); trying again in ${interval} ms`);
        await this.kafka?.disconnect().catch(() => undefined);
        this.kafka = undefined;
      }
    };
    this.timer = setInterval(() => {
      this.tick ??= run().finally(() => (this.tick = undefined));
    }, interval);
    this.tick = run().finally(() => (this.tick = undefined));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.tick;
    await this.kafka?.disconnect().catch(() => undefined);
  }
}
