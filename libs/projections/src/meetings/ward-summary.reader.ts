import { MeetingKind } from '@civic/domain';
import { SqlExecutor } from '../projection';
import { CommendationSummary, readCommendationSummary } from '../commendations/commendation-summary.reader';
import { MovementSummary, readMovementSummary } from '../movements/movement-summary.reader';

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

export async function readWardSummary(sql: SqlExecutor, unitCode: string, year: number): Promise<WardSummary> {
  return { unitCode, year, ...(await readFigures(sql, [unitCode], year)) };
}

/** Meetings held at, and commendations granted by bodies of, any of the units in a year. */
export async function readFigures(sql: SqlExecutor, unitCodes: readonly string[], year: number): Promise<Figures> {
  return {
    meetings: await readMeetingSummary(sql, unitCodes, year),
    commendations: await readCommendationSummary(sql, unitCodes, year),
    movements: await readMovementSummary(sql, unitCodes, year),
  };
}

async function readMeetingSummary(sql: SqlExecutor, unitCodes: readonly string[], year: number): Promise<MeetingSummary> {
  const { rows } = await sql.query<KindRow>(
    `SELECT kind,
            count(*)::int AS meetings,
            coalesce(sum(attendee_count) FILTER (WHERE attendee_qualifier = 'EXACT'), 0)::int AS exact,
            coalesce(sum(attendee_count) FILTER (WHERE attendee_qualifier = 'APPROX'), 0)::int AS approximate,
            coalesce(sum(attendee_count) FILTER (WHERE attendee_qualifier = 'AT_LEAST'), 0)::int AS at_least,
            count(attendee_count)::int AS with_count,
            count(*) FILTER (WHERE corrections > 0)::int AS corrected
     FROM rm_meetings WHERE unit_code = ANY($1::text[]) AND year = $2
     GROUP BY kind ORDER BY kind`,
    [unitCodes, year],
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

