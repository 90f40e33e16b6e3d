import { MeetingKind } from '@civic/domain';
import { SqlExecutor } from '../projection';
import { CommendationSummary, readCommendationSummary } from '../commendations/commendation-summary.reader';
import { MovementSummary, readMovementSummary } from '../movements/movement-summary.reader';
import { joinSpans, spanArrays, UnitSpan } from '../unit-spans';

export interface AttendeeTotals {
  /** Sum of every reported figure; a lower bound when some were "at least" or approximate. */
  readonly total: number;
  readonly exact: number;
  readonly approximate: number;
  readonly atLeast: number;
  readonly meetingsWithCount: number;
  readonly meetingsWithoutCount: number;
}

export interface MeetingSummary {
  readonly total: number;
  /** Meetings whose record was corrected after it was first made; each is counted once, as corrected. */
  readonly corrected: number;
  readonly attendees: AttendeeTotals;
  readonly byKind: readonly ({ readonly kind: MeetingKind; readonly meetings: number; readonly attendees: AttendeeTotals })[];
}

export interface Figures {
  readonly meetings: MeetingSummary;
  readonly commendations: CommendationSummary;
  readonly movements: MovementSummary;
}

export interface WardSummary extends Figures {
  readonly unitCode: string;
  readonly year: number;
}

interface KindRow {
  kind: MeetingKind;
  meetings: number;
  exact: number;
  approximate: number;
  at_least: number;
  with_count: number;
  corrected: number;
}

/** The figures of a year of everything recorded at a code, whichever unit held it (a test's look at a read model). */
export async function readWardSummary(sql: SqlExecutor, unitCode: string, year: number): Promise<WardSummary> {
  return { unitCode, year, ...(await readFigures(sql, [{ code: unitCode, from: null, to: null }], year)) };
}

/**
 * A year's meetings held at, commendations granted by bodies of, and movements launched by bodies of the units
 * spanned, each counted only when its date falls within its unit's span.
 */
export async function readFigures(sql: SqlExecutor, spans: readonly UnitSpan[], year: number): Promise<Figures> {
  return {
    meetings: await readMeetingSummary(sql, spans, year),
    commendations: await readCommendationSummary(sql, spans, year),
    movements: await readMovementSummary(sql, spans, year),
  };
}

async function readMeetingSummary(sql: SqlExecutor, spans: readonly UnitSpan[], year: number): Promise<MeetingSummary> {
  const { rows } = await sql.query<KindRow>(
    `SELECT kind,
            count(*)::int AS meetings,
            coalesce(sum(attendee_count) FILTER (WHERE attendee_qualifier = 'EXACT'), 0)::int AS exact,
            coalesce(sum(attendee_count) FILTER (WHERE attendee_qualifier = 'APPROX'), 0)::int AS approximate,
            coalesce(sum(attendee_count) FILTER (WHERE attendee_qualifier = 'AT_LEAST'), 0)::int AS at_least,
            count(attendee_count)::int AS with_count,
            count(*) FILTER (WHERE corrections > 0)::int AS corrected
     FROM rm_meetings m ${joinSpans('m.unit_code', 'm.held_on', 2)}
     WHERE m.unit_code = ANY($2::text[]) AND m.year = $1
     GROUP BY kind ORDER BY kind`,
    [year, ...spanArrays(spans)],
  );
  const byKind = rows.map((row) => ({ kind: row.kind, meetings: row.meetings, attendees: totals([row]) }));
  return {
    total: rows.reduce((sum, row) => sum + row.meetings, 0),
    corrected: rows.reduce((sum, row) => sum + row.corrected, 0),
    attendees: totals(rows),
    byKind,
  };
}

function totals(rows: readonly KindRow[]): AttendeeTotals {
  const add = (pick: (row: KindRow) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  const exact = add((r) => r.exact);
  const approximate = add((r) => r.approximate);
  const atLeast = add((r) => r.at_least);
  const meetingsWithCount = add((r) => r.with_count);
  return {
    total: exact + approximate + atLeast,
    exact,
    approximate,
    atLeast,
    meetingsWithCount,
    meetingsWithoutCount: add((r) => r.meetings) - meetingsWithCount,
  };
}

