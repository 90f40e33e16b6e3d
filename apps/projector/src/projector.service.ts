import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { allTopics, createKafka } from '@civic/messaging';
import { ALL_PROJECTIONS, KafkaProjector, ProjectionApplier } from '@civic/projections';
import { InjectPool } from '@civic/platform';

@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly projector: KafkaProjector;
  /** The consumer group, whose offsets the read models keep (projection_offsets). */
  readonly groupId = process.env.PROJECTOR_GROUP_ID ?? 'civic-projector';

  constructor(@InjectPool() pool: Pool) {
    this.projector = new KafkaProjector(pool, createKafka('civic-projector'), new ProjectionApplier(ALL_PROJECTIONS), {
      groupId: this.groupId,
      topics: allTopics(),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.projector.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.projector.stop();
  }
}
