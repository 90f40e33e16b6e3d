import { AdminUnitEvent, dayBefore, foldForSearch, UnitEstablished } from '@civic/domain';
import { RecordedEvent } from '@civic/event-store';
import { Projection, ProjectionContext, SqlExecutor } from '../projection';
import { inRuns, insertRows } from '../batching';

/** The unit registry as versions with validity dates, and the successor graph. */
export const adminUnitsProjection: Projection = {
  name: 'admin-units',
  eventTypes: ['UnitEstablished', 'UnitChanged', 'UnitDissolved', 'UnitSucceeded'],
  tables: ['rm_unit_versions', 'rm_unit_successions'],

  async handle(events: readonly RecordedEvent[], { sql }: ProjectionContext) {
    // The registry's order is the log's (a unit changes after it is established): runs of establishments together.
    await inRuns(
      events,
      ['UnitEstablished'],
      (run) => insertVersions(sql, run.map((recorded) => established(recorded.data as unknown as UnitEstablished['data']))),
      (event) => applyOne(sql, event),
    );
  },
};

async function applyOne(sql: SqlExecutor, recorded: RecordedEvent): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as unknown as AdminUnitEvent;
  switch (event.type) {
    case 'UnitEstablished':
      await insertVersions(sql, [established(event.data)]);
      return;
    case 'UnitChanged': {
      const { code, name, type, parentCode, effectiveFrom } = event.data;
      const { rows } = await sql.query<{ level: string }>(
        `UPDATE rm_unit_versions SET valid_to = $2
         WHERE id = (SELECT id FROM rm_unit_versions WHERE code = $1 ORDER BY valid_from DESC NULLS LAST LIMIT 1)
         RETURNING level`,
        [code, dayBefore(effectiveFrom)],
      );
      // valid_to of an already closed version (a code coming back) is moved to the day before, which is harmless.
      await insertVersions(sql, [{ code, level: rows[0]?.level ?? 'COMMUNE', name, type, parentCode, validFrom: effectiveFrom, knownSince: effectiveFrom }]);
      return;
    }
    case 'UnitDissolved':
      await sql.query('UPDATE rm_unit_versions SET valid_to = $2 WHERE code = $1 AND valid_to IS NULL', [event.data.code, event.data.validTo]);
      return;
    case 'UnitSucceeded':
      await sql.query(
        `INSERT INTO rm_unit_successions (predecessor_code, successor_code, coverage, effective_from, legal_basis)
         SELECT $1, s.code, s.coverage, $2, $4 FROM jsonb_to_recordset($3::jsonb) AS s(code text, coverage text)
         ON CONFLICT DO NOTHING`,
        [event.data.code, event.data.effectiveFrom, JSON.stringify(event.data.successors), event.data.source.legalBasis ?? null],
      );
      return;
  }
}

interface UnitVersion {
  readonly code: string;
  readonly level: string;
  readonly name: string;
  readonly type: string;
  readonly parentCode: string | null;
  readonly validFrom: string | null;
  readonly knownSince: string | null;
}

function established({ code, level, name, type, parentCode, validFrom, knownSince }: UnitEstablished['data']): UnitVersion {
  return { code, level, name, type, parentCode, validFrom, knownSince: knownSince ?? validFrom };
}

function insertVersions(sql: SqlExecutor, versions: readonly UnitVersion[]): Promise<void> {
  return insertRows(
    sql,
    'rm_unit_versions',
    ['code', 'level', 'name', 'name_folded', 'type', 'parent_code', 'valid_from', 'known_since'],
    versions.map((unit) => [unit.code, unit.level, unit.name, foldForSearch(unit.name), unit.type, unit.parentCode, unit.validFrom, unit.knownSince]),
  );
}
