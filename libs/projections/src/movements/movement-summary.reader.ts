import { SqlExecutor } from '../projection';
import { joinSpans, spanArrays, UnitSpan } from '../unit-spans';

export interface MovementSummary {
  /** Launched during the year. */
  readonly launched: number;
  /** Given an interim or final review during the year. */
  readonly reviewed: number;
  /** Given their final review (tổng kết) during the year. */
  readonly concluded: number;
  /** Running at some time during the year: launched by its end, not concluded before its start. */
  readonly active: number;
}

/** SQL: the movement ran at some time during the year given by `year` (launched by its end, not concluded before its start). */
export const ranDuringYear = (year: string) => `launched_on <= make_date(${year}::int, 12, 31) AND (concluded_on IS NULL OR concluded_on >= make_date(${year}::int, 1, 1))`;

/** Movements launched by bodies of the units spanned (the launch date within the span), as seen in a year. */
export async function readMovementSummary(sql: SqlExecutor, spans: readonly UnitSpan[], year: number): Promise<MovementSummary> {
  const { rows } = await sql.query<MovementSummary>(
    `SELECT
       count(*) FILTER (WHERE extract(year FROM launched_on) = $1::int)::int AS launched,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM rm_movement_reviews r WHERE r.movement_id = m.movement_id
                                      AND extract(year FROM r.reviewed_on) = $1::int))::int AS reviewed,
       count(*) FILTER (WHERE extract(year FROM concluded_on) = $1::int)::int AS concluded,
       count(*) FILTER (WHERE ${ranDuringYear('$1')})::int AS active
     FROM rm_movements m ${joinSpans('m.unit_code', 'm.launched_on', 2)}
     WHERE m.unit_code = ANY($2::text[])`,
    [year, ...spanArrays(spans)],
  );
  return rows[0];
}
