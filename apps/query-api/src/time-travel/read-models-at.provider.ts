import { Provider } from '@nestjs/common';
import { Pool } from 'pg';
import { adminUnitsProjection, commendationsProjection, meetingsProjection, movementsProjection, ReadModelsAt } from '@civic/projections';
import { PG_POOL } from '@civic/platform';

/** Summaries as they stood at a moment (`asOf`), from the log with the live projection code. */
export const readModelsAtProvider: Provider = {
  provide: ReadModelsAt,
  inject: [PG_POOL],
  useFactory: (pool: Pool) => new ReadModelsAt(pool, [meetingsProjection, commendationsProjection, movementsProjection], adminUnitsProjection),
};
