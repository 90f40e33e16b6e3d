import 'reflect-metadata';
import { bootstrapService } from '@civic/platform';
import { RecordsApiModule } from './records-api.module';
import { RecordsApiEnvironment } from './records-api.environment';
import { commandProblem } from './http/command-problems';

void bootstrapService(RecordsApiModule, 'records-api', 3000, {
  config: RecordsApiEnvironment,
  problems: [commandProblem],
  api: {
    title: 'civic-records records API',
    description:
      'Commands that record civic facts — meetings, commendations, emulation movements and their corrections — each ' +
      'stored as an immutable event. Send an Idempotency-Key to make a retry safe; changes to an existing record need If-Match.',
  },
});
