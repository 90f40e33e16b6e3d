import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Pool } from 'pg';
import { allTopics, createKafka, KafkaObserver } from '@civic/messaging';
import { DatabaseModule, HealthController, PG_POOL, READINESS_PROBE, SERVICE_STATUS, stallSecondsFromEnv, serviceConfigModule, ObservabilityModule, ServiceMetrics, serviceLogger } from '@civic/platform';
import { ProjectorService } from './projector.service';
import { PartitionProgress, ProjectorReadiness } from './projector-readiness';
import { SnapshotKeeper } from './snapshot-keeper';
import { PROJECTOR_METRICS, registerProjectorMetrics } from './projector-metrics';
import { ProjectorEnvironment } from './projector.environment';

/** Every partition's progress: Kafka's end and the next offset the read models will apply. */
const PARTITION_PROGRESS = Symbol('PARTITION_PROGRESS');

/** Kafka to read models; its HTTP side answers /health, /health/live and /health/ready (ADR 0037). */
@Module({
  imports: [ObservabilityModule, serviceConfigModule(ProjectorEnvironment), DatabaseModule.forRoot({ readModelSession: true }), TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [
    ProjectorService,
    SnapshotKeeper,
    {
      provide: SERVICE_STATUS,
      inject: [ProjectorService, SnapshotKeeper],
      useFactory: (service: ProjectorService, snapshots: SnapshotKeeper) => () => ({ projector: service.projector.status(), snapshots: snapshots.status() }),
    },
    {
      provide: PARTITION_PROGRESS,
      inject: [ProjectorService, PG_POOL],
      useFactory: (service: ProjectorService, pool: Pool) => {
        const kafka = new KafkaObserver(createKafka('civic-projector-readiness', { logger: serviceLogger() }));
        return async (): Promise<PartitionProgress[]> => {
          const [ends, { rows }] = await Promise.all([
            kafka.partitionEnds(allTopics()),
            pool.query<{ topic: string; partition: number; next_offset: string }>('SELECT topic, partition, next_offset::text FROM projection_offsets WHERE consumer_group = $1', [service.groupId]),
          ]);
          const stored = new Map(rows.map((row) => [`${row.topic}:${row.partition}`, BigInt(row.next_offset)]));
          return ends.map((end) => ({ topic: end.topic, partition: end.partition, end: end.high, next: stored.get(`${end.topic}:${end.partition}`) ?? end.low }));
        };
      },
    },
    {
      provide: READINESS_PROBE,
      inject: [ProjectorService, PARTITION_PROGRESS],
      useFactory: (service: ProjectorService, partitions: () => Promise<PartitionProgress[]>) => {
        const readiness = new ProjectorReadiness({ partitions, consuming: () => service.projector.status().running }, stallSecondsFromEnv());
        return () => readiness.probe();
      },
    },
    {
      provide: PROJECTOR_METRICS,
      inject: [ServiceMetrics, ProjectorService, PARTITION_PROGRESS, PG_POOL],
      useFactory: (metrics: ServiceMetrics, service: ProjectorService, partitions: () => Promise<PartitionProgress[]>, pool: Pool) =>
        registerProjectorMetrics(metrics.registry, partitions, () => service.projector.status().running, pool),
    },
  ],
})
export class ProjectorModule {}
