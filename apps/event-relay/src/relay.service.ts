import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { databaseUrlFromEnv } from '@civic/database';
import { createKafka, LogToKafkaRelay, topicPrefix } from '@civic/messaging';
import { InjectPool, ServiceMetrics, serviceLogger, spanEachEvent, SpanKind } from '@civic/platform';
import { publishingMetrics } from './relay-metrics';

@Injectable()
export class RelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventRelay');
  readonly relay: LogToKafkaRelay;

  constructor(@InjectPool() pool: Pool, metrics: ServiceMetrics) {
    const measurePublished = publishingMetrics(metrics.registry);
    this.relay = new LogToKafkaRelay(
      pool,
      createKafka('civic-event-relay', { logger: serviceLogger() }),
      {
        name: 'event-relay',
        databaseUrl: databaseUrlFromEnv(),
        batchSize: Number(process.env.RELAY_BATCH_SIZE ?? 500),
        pollIntervalMs: Number(process.env.RELAY_POLL_INTERVAL_MS ?? 1000),
        standbyRetryMs: Number(process.env.RELAY_STANDBY_RETRY_MS ?? 2000),
        maxRetryMs: Number(process.env.RELAY_MAX_RETRY_MS ?? 30_000),
        topicPrefix: topicPrefix(),
        onPublished: (batch, sendSeconds) => {
          measurePublished(batch, sendSeconds);
          // Each event's trace goes on from the request that recorded it: its publish is a span of that trace.
          spanEachEvent('publish', SpanKind.PRODUCER, batch, sendSeconds);
        },
      },
      (message) => this.logger.log(message),
    );
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
