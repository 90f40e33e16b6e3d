import { Module } from '@nestjs/common';
import { DatabaseModule, HealthController, SERVICE_STATUS } from '@civic/platform';
import { ProjectorService } from './projector.service';

/** Kafka to read models; its HTTP side only answers /health with the projector's progress. */
@Module({
  imports: [DatabaseModule.forRoot({ readModelSession: true })],
  controllers: [HealthController],
  providers: [
    ProjectorService,
    {
      provide: SERVICE_STATUS,
      inject: [ProjectorService],
      useFactory: (service: ProjectorService) => () => ({ projector: service.projector.status() }),
    },
  ],
})
export class ProjectorModule {}
