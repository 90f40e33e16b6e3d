import { SqlExecutor } from '../projection';
import { joinSpans, spanArrays, UnitSpan } from '../unit-spans';
import { RecipientTotals } from '../commendations/commendation-summary.reader';

/** Months or quarters: the periods a series counts facts in. */
export type SeriesInterval = 'MONTH' | 'QUARTER';

/** What happened in one period: meetings held, grants made (by grant date) and movements launched. */
export interface SeriesPeriod {
  /** `2022-03` for a month, `2022-Q1` for a quarter. */
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly meetings: { readonly total: number; readonly byKind: readonly { readonly kind: string; readonly meetings: number }[] };
  readonly commendations: {
    /** Grants made in the period and in force (revoked and withdrawn ones are not counted). */
    readonly grants: number;
    readonly recipients: RecipientTotals;
    readonly byAward: readonly { readonly awardKind: string; readonly award: string; readonly grants: number }[];
  };
  readonly movements: { readonly launched: number };
}

interface Counted {
  period: string;
  key: string;
  extra: string | null;
  count: number;
  collectives: number;
  individuals: number;
  households: number;
}

/**
 * The periods from `from` to `to` (the first and last cut to those days; empty ones included, with zeros) and
 * what the units spanned recorded in each: a fact counts when its date falls in its unit's span, as in summaries.
 * Grants are placed by the date they were made, not the year of the achievement.
 */
export async function readSeries(sql: SqlExecutor, spans: readonly UnitSpan[], from: string, to: string, interval: SeriesInterval): Promise<SeriesPeriod[]> {
  const unit = interval === 'MONTH' ? 'month' : 'quarter';
  const parameters = [from, to, ...spanArrays(spans)];
  const meetings = await sql.query<Counted>(
    `SELECT to_char(date_trunc('${unit}', m.held_on), 'YYYY-MM-DD') AS period, m.kind AS key, NULL AS extra, count(*)::int AS count
     FROM rm_meetings m ${joinSpans('m.unit_code', 'm.held_on', 3)}
     WHERE m.unit_code = ANY($3::text[]) AND m.held_on BETWEEN $1::date AND $2::date
     GROUP BY 1, 2`,
    parameters,
  );
  const grants = await sql.query<Counted>(
    `SELECT to_char(date_trunc('${unit}', c.granted_on), 'YYYY-MM-DD') AS period, c.award AS key, c.award_kind AS extra, count(*)::int AS count,
            sum(c.collectives)::int AS collectives, sum(c.individuals)::int AS individuals, sum(c.households)::int AS households
     FROM rm_commendations c
     WHERE c.grantor_units && $3::text[] AND c.granted_on BETWEEN $1::date AND $2::date AND c.withdrawn_on IS NULL AND c.revoked_on IS NULL
       AND EXISTS (SELECT 1 FROM unnest($3::text[], $4::date[], $5::date[]) AS span(code, from_date, to_date)
                   WHERE span.code = ANY(c.grantor_units)
                     AND c.granted_on >= coalesce(span.from_date, '-infinity'::date) AND c.granted_on <= coalesce(span.to_date, 'infinity'::date))
     GROUP BY 1, 2, 3`,
    parameters,
  );
  const movements = await sql.query<Counted>(
    `SELECT to_char(date_trunc('${unit}', m.launched_on), 'YYYY-MM-DD') AS period, '' AS key, NULL AS extra, count(*)::int AS count
     FROM rm_movements m ${joinSpans('m.unit_code', 'm.launched_on', 3)}
     WHERE m.unit_code = ANY($3::text[]) AND m.launched_on BETWEEN $1::date AND $2::date
     GROUP BY 1`,
    parameters,
  );
  return periodsBetween(from, to, interval).map(({ label, first, last }) => {
    const of = (rows: readonly Counted[]) => rows.filter((row) => row.period === first);
    const awarded = of(grants.rows);
    const sum = (pick: (row: Counted) => number) => awarded.reduce((total, row) => total + pick(row), 0);
    return {
      period: label,
      // The first and last periods hold only the days asked for.
      from: first < from ? from : first,
      to: last > to ? to : last,
      meetings: { total: of(meetings.rows).reduce((t, r) => t + r.count, 0), byKind: of(meetings.rows).map((r) => ({ kind: r.key, meetings: r.count })).sort((a, b) => a.kind.localeCompare(b.kind)) },
      commendations: {
        grants: sum((r) => r.count),
        recipients: { collectives: sum((r) => r.collectives), individuals: sum((r) => r.individuals), households: sum((r) => r.households) },
        byAward: awarded.map((r) => ({ awardKind: r.extra as string, award: r.key, grants: r.count })).sort((a, b) => a.award.localeCompare(b.award)),
      },
      movements: { launched: of(movements.rows).reduce((t, r) => t + r.count, 0) },
    };
  });
}

/** The months or quarters from the one holding `from` to the one holding `to`, each with its first and last day. */
export function periodsBetween(from: string, to: string, interval: SeriesInterval): { label: string; first: string; last: string }[] {
  const step = interval === 'MONTH' ? 1 : 3;
  const periods: { label: string; first: string; last: string }[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  month -= (month - 1) % step;
  const end = to.slice(0, 7);
  while (`${year}-${String(month).padStart(2, '0')}` <= end) {
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    const next = new Date(Date.UTC(year, month - 1 + step, 1));
    const last = new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
    periods.push({ label: interval === 'MONTH' ? first.slice(0, 7) : `${year}-Q${(month + 2) / 3}`, first, last });
    [year, month] = [next.getUTCFullYear(), next.getUTCMonth() + 1];
  }
  return periods;
}
