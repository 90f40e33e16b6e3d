import { Module } from '@nestjs/common';
import { DatabaseModule, HealthController, SERVICE_STATUS } from '@civic/platform';
import { RelayService } from './relay.service';

/** Moves the event log to Kafka; its HTTP side only answers /health with the relay's role and progress. */
@Module({
  imports: [DatabaseModule.forRoot()],
  controllers: [HealthController],
  providers: [
    RelayService,
    { provide: SERVICE_STATUS, inject: [RelayService], useFactory: (service: RelayService) => () => ({ relay: service.relay.status() }) },
  ],
})
export class EventRelayModule {}
