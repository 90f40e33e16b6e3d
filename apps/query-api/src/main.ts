import 'reflect-metadata';
import { bootstrapService } from '@civic/platform';
import { resolve } from 'node:path';
import { QueryApiModule } from './query-api.module';
import { QueryApiEnvironment } from './query-api.environment';
import { personalDataProblem } from './personal-data-problem';

void bootstrapService(QueryApiModule, 'query-api', 3001, {
  config: QueryApiEnvironment,
  problems: [personalDataProblem],
  api: {
    title: 'civic-records query API',
    description:
      'Ward, district and city summaries rolled up the hierarchy of each year (also as of any past moment), lists of ' +
      'meetings, commendations and emulation movements, the administrative unit registry, and audit reads of the event log.',
  },
  // The dashboard (apps/dashboard), built into dist/dashboard by npm start and npm test.
  pages: { root: resolve(process.env.DASHBOARD_DIR ?? 'dist/dashboard'), prefix: '/dashboard/' },
});
