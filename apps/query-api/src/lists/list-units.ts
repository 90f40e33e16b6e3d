import { Pool } from 'pg';
import { NATIONAL_CODE, unitLevelOf } from '@civic/domain';
import { rollUpBetween } from '@civic/admin-units';
import { ListUnits } from '@civic/projections';
import { InvalidRequest } from '@civic/platform';
import { PageRequest } from './list.request.dto';

/**
 * The units and dates a list request covers. With `includeDescendants`, the unit's versions and every version below
 * them with the dates each sat below (as a summary rolls them up), within `from`–`to` when given.
 */
export async function listUnitsOf(pool: Pool, { unitCode, includeDescendants, from, to }: PageRequest): Promise<ListUnits> {
  if (from && to && from > to) throw new InvalidRequest([{ field: '/to', message: `to (${to}) must not be before from (${from})` }]);
  if (includeDescendants !== 'true') return { unitCode, from, to };
  if (!unitCode) throw new InvalidRequest([{ field: '/includeDescendants', message: 'includeDescendants needs unitCode: the unit whose descendants to include' }]);
  // Every unit lies below the nation.
  if (unitCode === NATIONAL_CODE) return { from, to };
  const descendants = await rollUpBetween(pool, unitCode, unitLevelOf(unitCode)!, from ?? null, to ?? null);
  return { descendants, from, to };
}
