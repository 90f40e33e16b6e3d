import 'reflect-metadata';
import { bootstrapService } from '@civic/platform';
import { EventRelayModule } from './event-relay.module';

void bootstrapService(EventRelayModule, 'event-relay', 3002);
