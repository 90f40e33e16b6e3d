import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Pool } from 'pg';
import { GapFreeLogReader } from '@civic/event-store';
import { allTopics, createKafka, KafkaObserver } from '@civic/messaging';
import { DatabaseModule, HealthController, PG_POOL, READINESS_PROBE, SERVICE_STATUS, stallSecondsFromEnv, serviceConfigModule, ObservabilityModule, ServiceMetrics, serviceLogger } from '@civic/platform';
import { RelayService } from './relay.service';
import { AnchoringService } from './anchoring.service';
import { RelayReadiness } from './relay-readiness';
import { registerConsumerLagMetric, RELAY_METRICS, registerRelayMetrics } from './relay-metrics';
import { EventRelayEnvironment, watchedConsumerGroupsFromEnv } from './event-relay.environment';

/** Moves the event log to Kafka; its HTTP side answers /health, /health/live and /health/ready (ADR 0037). */
@Module({
  imports: [ObservabilityModule, serviceConfigModule(EventRelayEnvironment), DatabaseModule.forRoot(), TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [
    RelayService,
    AnchoringService,
    { provide: SERVICE_STATUS, inject: [RelayService], useFactory: (service: RelayService) => () => ({ relay: service.relay.status() }) },
    {
      provide: RELAY_METRICS,
      inject: [ServiceMetrics, RelayService, PG_POOL],
      useFactory: (metrics: ServiceMetrics, service: RelayService, pool: Pool) => {
        const log = new GapFreeLogReader(pool);
        registerRelayMetrics(metrics.registry, service.relay, () => log.head());
        const kafka = new KafkaObserver(createKafka('civic-event-relay-lag', { logger: serviceLogger() }));
        registerConsumerLagMetric(metrics.registry, watchedConsumerGroupsFromEnv(), (group) => kafka.consumerLag(group, allTopics()));
      },
    },
    {
      provide: READINESS_PROBE,
      inject: [RelayService, PG_POOL],
      useFactory: (service: RelayService, pool: Pool) => {
        const log = new GapFreeLogReader(pool);
        const kafka = new KafkaObserver(createKafka('civic-event-relay-readiness', { logger: serviceLogger() }));
        const readiness = new RelayReadiness(service.relay, { logHead: () => log.head(), kafkaAnswers: () => kafka.answers() }, stallSecondsFromEnv());
        return () => readiness.probe();
      },
    },
  ],
})
export class EventRelayModule {}
