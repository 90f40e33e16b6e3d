import 'reflect-metadata';
import { bootstrapService } from '@civic/platform';
import { EventRelayModule } from './event-relay.module';
import { EventRelayEnvironment } from './event-relay.environment';

void bootstrapService(EventRelayModule, 'event-relay', 3002, { config: EventRelayEnvironment });
