import { foldForSearch } from '@civic/domain';
import { SqlFilter } from '@civic/event-store';
import { SqlExecutor } from '../projection';
import { ListPage, Page, toPage } from './cursor';
import { ListUnits, UnitColumns, withinUnits } from './list-units';
import { ranDuringYear } from '../movements/movement-summary.reader';

/** A LIKE pattern matching text that contains `search`, both folded (diacritics, đ, case): "ha noi" finds "Hà Nội". */
export function containsFolded(search: string | undefined): string | undefined {
  return search ? `%${foldForSearch(search).replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
}

const BY_UNIT_CODE = (date: string): UnitColumns => ({ is: (code) => `unit_code = ${code}`, among: (codes) => `unit_code = ANY(${codes})`, date });

export interface MeetingListFilter extends ListUnits, ListPage {
  readonly kind?: string;
  readonly year?: number;
  /** Words of the title, matched with diacritics folded. */
  readonly title?: string;
}

export interface MeetingListItem {
  readonly meetingId: string;
  readonly unitCode: string;
  readonly kind: string;
  readonly title: string;
  readonly heldOn: string;
  readonly attendeeCount: { readonly value: number; readonly qualifier: string } | null;
  readonly corrections: number;
}

/** Newest first. */
export async function listMeetings(sql: SqlExecutor, filter: MeetingListFilter): Promise<Page<MeetingListItem>> {
  const where = withinUnits(new SqlFilter(), filter, BY_UNIT_CODE('held_on'))
    .add((p) => `kind = ${p}`, filter.kind)
    .add((p) => `year = ${p}::int`, filter.year)
    .add((p) => `title_folded LIKE ${p}`, containsFolded(filter.title))
    .before('held_on', 'meeting_id', filter.after);
  const { rows } = await sql.query<{
    meeting_id: string;
    unit_code: string;
    kind: string;
    title: string;
    held_on: string;
    attendee_count: number | null;
    attendee_qualifier: string | null;
    corrections: number;
  }>(
    `SELECT meeting_id, unit_code, kind, title, to_char(held_on, 'YYYY-MM-DD') AS held_on, attendee_count, attendee_qualifier, corrections
     FROM rm_meetings ${where} ORDER BY held_on DESC, meeting_id DESC ${where.limitOneMore(filter.limit)}`,
    where.values,
  );
  return toPage(rows, filter.limit, (r) => ({ date: r.held_on, id: r.meeting_id }), (r) => ({
    meetingId: r.meeting_id,
    unitCode: r.unit_code,
    kind: r.kind,
    title: r.title,
    heldOn: r.held_on,
    attendeeCount: r.attendee_count === null ? null : { value: r.attendee_count, qualifier: r.attendee_qualifier ?? 'EXACT' },
    corrections: r.corrections,
  }));
}

export interface CommendationListFilter extends ListUnits, ListPage {
  readonly award?: string;
  /** The year of the achievements commended. */
  readonly year?: number;
  /** A recipient's name, matched with diacritics folded ("tran thi binh" finds "Trần Thị Bình"). */
  readonly recipient?: string;
}

/** A grant is of each unit among its grantors (the issuer and the joint issuers). */
const BY_GRANTOR: UnitColumns = { is: (code) => `${code} = ANY(grantor_units)`, among: (codes) => `grantor_units && ${codes}`, date: 'granted_on' };

export interface CommendationListItem {
  readonly commendationId: string;
  readonly award: string;
  readonly awardKind: string;
  readonly issuer: { readonly body: string; readonly unitCode: string };
  /** The bodies that granted it with the issuer ("UBND quận và UB MTTQ quận tặng giấy khen"). */
  readonly jointIssuers: readonly { readonly body: string; readonly unitCode: string }[];
  readonly grantedOn: string;
  /** DAY, MONTH (grantedOn is the month's first day) or ON_OR_BEFORE (grantedOn is the latest it can have been). */
  readonly grantedOnPrecision: string;
  readonly forYear: number;
  readonly recipients: { readonly collectives: number; readonly individuals: number; readonly households: number };
  /** The kinds whose count is not exact, with how: `{ "collectives": "AT_LEAST" }`; empty when every count is exact. */
  readonly recipientQualifiers: Readonly<Record<string, string>>;
  readonly regime: string;
  readonly revokedOn: string | null;
}

/** Newest first; records withdrawn as made in error are left out (the audit keeps them). */
export async function listCommendations(sql: SqlExecutor, filter: CommendationListFilter): Promise<Page<CommendationListItem>> {
  const where = withinUnits(new SqlFilter(), filter, BY_GRANTOR)
    .add((p) => `award = ${p}`, filter.award)
    .add((p) => `for_year = ${p}::int`, filter.year)
    .add((p) => `(recipient_names_folded LIKE ${p} OR stream_id IN (SELECT n.stream_id FROM rm_personal_names n WHERE n.folded LIKE ${p}))`, containsFolded(filter.recipient))
    .always('withdrawn_on IS NULL')
    .before('granted_on', 'commendation_id', filter.after);
  const { rows } = await sql.query<{
    commendation_id: string;
    award: string;
    award_kind: string;
    issuer_body: string;
    issuer_unit: string;
    joint_issuers: { body: string; unitCode: string }[];
    granted_on: string;
    granted_on_precision: string;
    for_year: number;
    recipient_qualifiers: Record<string, string>;
    collectives: number;
    individuals: number;
    households: number;
    regime: string;
    revoked_on: string | null;
  }>(
    `SELECT commendation_id, award, award_kind, issuer_body, issuer_unit, joint_issuers, to_char(granted_on, 'YYYY-MM-DD') AS granted_on, granted_on_precision, for_year,
            collectives, individuals, households, recipient_qualifiers, regime, to_char(revoked_on, 'YYYY-MM-DD') AS revoked_on
     FROM rm_commendations ${where} ORDER BY granted_on DESC, commendation_id DESC ${where.limitOneMore(filter.limit)}`,
    where.values,
  );
  return toPage(rows, filter.limit, (r) => ({ date: r.granted_on, id: r.commendation_id }), (r) => ({
    commendationId: r.commendation_id,
    award: r.award,
    awardKind: r.award_kind,
    issuer: { body: r.issuer_body, unitCode: r.issuer_unit },
    jointIssuers: r.joint_issuers.map(({ body, unitCode }) => ({ body, unitCode })),
    grantedOn: r.granted_on,
    grantedOnPrecision: r.granted_on_precision,
    forYear: r.for_year,
    recipients: { collectives: r.collectives, individuals: r.individuals, households: r.households },
    recipientQualifiers: r.recipient_qualifiers,
    regime: r.regime,
    revokedOn: r.revoked_on,
  }));
}

export interface MovementListFilter extends ListUnits, ListPage {
  readonly status?: 'ACTIVE' | 'CONCLUDED';
  /** Movements that ran during the year, as summaries count them active: launched by its end, not concluded before it. */
  readonly year?: number;
  /** Words of the name, matched with diacritics folded. */
  readonly name?: string;
}

export interface MovementListItem {
  readonly movementId: string;
  readonly name: string;
  readonly kind: string;
  readonly form: string;
  readonly scope: string;
  readonly launchedBy: { readonly body: string; readonly unitCode: string };
  readonly launchedOn: string;
  readonly period: { readonly from: string; readonly to: string | null };
  readonly status: string;
  readonly concludedOn: string | null;
}

export async function listMovements(sql: SqlExecutor, filter: MovementListFilter): Promise<Page<MovementListItem>> {
  const where = withinUnits(new SqlFilter(), filter, BY_UNIT_CODE('launched_on'))
    .add((p) => `status = ${p}`, filter.status)
    .add((p) => ranDuringYear(p), filter.year)
    .add((p) => `name_folded LIKE ${p}`, containsFolded(filter.name))
    .before('launched_on', 'movement_id', filter.after);
  const { rows } = await sql.query<{
    movement_id: string;
    name: string;
    kind: string;
    form: string;
    scope: string;
    launcher_body: string;
    unit_code: string;
    launched_on: string;
    period_from: string;
    period_to: string | null;
    status: string;
    concluded_on: string | null;
  }>(
    `SELECT movement_id, name, kind, form, scope, launcher_body, unit_code, to_char(launched_on, 'YYYY-MM-DD') AS launched_on,
            to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to, status,
            to_char(concluded_on, 'YYYY-MM-DD') AS concluded_on
     FROM rm_movements ${where} ORDER BY launched_on DESC, movement_id DESC ${where.limitOneMore(filter.limit)}`,
    where.values,
  );
  return toPage(rows, filter.limit, (r) => ({ date: r.launched_on, id: r.movement_id }), (r) => ({
    movementId: r.movement_id,
    name: r.name,
    kind: r.kind,
    form: r.form,
    scope: r.scope,
    launchedBy: { body: r.launcher_body, unitCode: r.unit_code },
    launchedOn: r.launched_on,
    period: { from: r.period_from, to: r.period_to },
    status: r.status,
    concludedOn: r.concluded_on,
  }));
}
