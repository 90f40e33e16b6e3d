import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { Pool } from 'pg';
import { allTopics, createKafka } from '@civic/messaging';
import { ALL_PROJECTIONS, KafkaProjector, ProjectionRunner } from '@civic/projections';
import { InjectPool, ServiceMetrics, serviceLogger, spanEachEvent, SpanKind } from '@civic/platform';
import { applyingMetrics } from './projector-metrics';

/** Waits between attempts to start consuming: doubling from the first, up to the last. */
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');
  readonly projector: KafkaProjector;
  /** The consumer group, whose offsets the read models keep (projection_offsets). */
  readonly groupId = process.env.PROJECTOR_GROUP_ID ?? 'civic-projector';
  private stopping = false;
  private starting?: Promise<void>;

  constructor(@InjectPool() pool: Pool, metrics: ServiceMetrics) {
    const measureApplied = applyingMetrics(metrics.registry);
    this.projector = new KafkaProjector(pool, createKafka('civic-projector', { logger: serviceLogger() }), new ProjectionRunner(ALL_PROJECTIONS), {
      groupId: this.groupId,
      topics: allTopics(),
      onRestart: (reason) => this.logger.warn(reason),
      onApplied: (events, applied, seconds) => {
        measureApplied(events, applied, seconds);
        // The trace came on Kafka with each event (ce_traceparent): applying it is a span of that trace.
        spanEachEvent('apply', SpanKind.CONSUMER, events, seconds);
      },
    });
  }

  /**
   * Starts consuming in the background, trying again until Kafka answers: the service answers /health/live and
   * /health/ready (not ready, with the reason) meanwhile, rather than failing to start while the broker is away.
   * Once consuming, a consumer kafkajs gives up on is started again by the projector itself.
   */
  onApplicationBootstrap(): void {
    this.starting = this.keepStarting();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.starting;
    await this.projector.stop();
  }

  private async keepStarting(): Promise<void> {
    for (let attempt = 0; !this.stopping; attempt += 1) {
      try {
        await this.projector.start();
        if (attempt > 0) this.logger.log(`consuming, after ${attempt} failed attempts`);
        return;
      } catch (error) {
        const wait = Math.min(FIRST_RETRY_MS * 2 ** attempt, LAST_RETRY_MS);
        this.logger.warn(`could not start consuming (${(error as Error).message}); trying again in ${wait} ms`);
        await this.projector.stop().catch(() => undefined);
        await delay(wait, undefined, { ref: false });
      }
    }
  }
}
