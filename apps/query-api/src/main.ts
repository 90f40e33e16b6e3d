import 'reflect-metadata';
import { bootstrapService } from '@civic/platform';
import { QueryApiModule } from './query-api.module';

void bootstrapService(QueryApiModule, 'query-api', 3001);
