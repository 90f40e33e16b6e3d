import 'reflect-metadata';
import { bootstrapService } from '@civic/platform';
import { RecordsApiModule } from './records-api.module';

void bootstrapService(RecordsApiModule, 'records-api', 3000);
