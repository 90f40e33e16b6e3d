import { AdminUnitEvent, dayBefore, foldForSearch } from '@civic/domain';
import { RecordedEvent } from '@civic/event-store';
import { Projection, SqlExecutor } from '../projection';

/** The unit registry as versions with validity dates, and the successor graph. */
export const adminUnitsProjection: Projection = {
  name: 'admin-units',
  eventTypes: ['UnitEstablished', 'UnitChanged', 'UnitDissolved', 'UnitSucceeded'],
  tables: ['rm_unit_versions', 'rm_unit_successions'],

  async apply(sql: SqlExecutor, recorded: RecordedEvent) {
    const event = { type: recorded.type, data: recorded.data } as unknown as AdminUnitEvent;
    switch (event.type) {
      case 'UnitEstablished': {
        const { code, level, name, type, parentCode, validFrom, knownSince } = event.data;
        await insertVersion(sql, { code, level, name, type, parentCode, validFrom, knownSince: knownSince ?? validFrom });
        return;
      }
      case 'UnitChanged': {
        const { code, name, type, parentCode, effectiveFrom } = event.data;
        const { rows } = await sql.query<{ level: string }>(
          `UPDATE rm_unit_versions SET valid_to = $2
           WHERE id = (SELECT id FROM rm_unit_versions WHERE code = $1 ORDER BY valid_from DESC NULLS LAST LIMIT 1)
           RETURNING level`,
          [code, dayBefore(effectiveFrom)],
        );
        // valid_to of an already closed version (a code coming back) is moved to the day before, which is harmless.
        await insertVersion(sql, { code, level: rows[0]?.level ?? 'COMMUNE', name, type, parentCode, validFrom: effectiveFrom, knownSince: effectiveFrom });
        return;
      }
      case 'UnitDissolved':
        await sql.query('UPDATE rm_unit_versions SET valid_to = $2 WHERE code = $1 AND valid_to IS NULL', [event.data.code, event.data.validTo]);
        return;
      case 'UnitSucceeded':
        await sql.query(
          `INSERT INTO rm_unit_successions (predecessor_code, successor_code, coverage, effective_from)
           SELECT $1, s.code, s.coverage, $2 FROM jsonb_to_recordset($3::jsonb) AS s(code text, coverage text)
           ON CONFLICT DO NOTHING`,
          [event.data.code, event.data.effectiveFrom, JSON.stringify(event.data.successors)],
        );
        return;
    }
  },
};

async function insertVersion(
  sql: SqlExecutor,
  unit: { code: string; level: string; name: string; type: string; parentCode: string | null; validFrom: string | null; knownSince: string | null },
): Promise<void> {
  await sql.query(
    `INSERT INTO rm_unit_versions (code, level, name, name_folded, type, parent_code, valid_from, known_since)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [unit.code, unit.level, unit.name, foldForSearch(unit.name), unit.type, unit.parentCode, unit.validFrom, unit.knownSince],
  );
}
