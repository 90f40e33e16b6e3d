import { DatePrecision, Recipients } from '@civic/domain';
import { SqlFilter } from '@civic/event-store';
import { SqlExecutor } from '../projection';
import { ListPage, Page, toPage } from '../lists/cursor';
import { ListUnits, withinUnits } from '../lists/list-units';

/** Not yet answered, granted by a decision, or refused. */
export const PROPOSAL_STATUS_VALUES = ['PROPOSED', 'GRANTED', 'REFUSED'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUS_VALUES)[number];

/** Proposals made by or to a body of the units listed. */
export interface ProposalListFilter extends ListUnits, ListPage {
  readonly status?: ProposalStatus;
  /** The year the proposal was made. */
  readonly year?: number;
}

interface BodyAtUnit {
  readonly body: string;
  readonly unitCode: string;
}

/** The answer a proposal got: the grant and its decision number, or the reason it was refused. */
export interface ProposalDecision {
  readonly decidedOn: string;
  readonly commendationId: string | null;
  readonly decisionNumber: string | null;
  readonly reason: string | null;
}

/** A proposal as recorded, every field of it, and where it stands. */
export interface ProposalItem {
  readonly proposalId: string;
  readonly proposer: BodyAtUnit;
  readonly proposedTo: BodyAtUnit;
  readonly proposedOn: string;
  /** DAY, MONTH (proposedOn is the month's first day) or ON_OR_BEFORE (proposedOn is the latest it can have been). */
  readonly proposedOnPrecision: DatePrecision;
  readonly award: string;
  readonly awardKind: 'FORM' | 'TITLE';
  readonly forYear: number;
  readonly recipients: Recipients;
  readonly reason: string;
  readonly meetingId: string | null;
  readonly status: ProposalStatus;
  readonly decision: ProposalDecision | null;
}

interface ProposalRow {
  proposal_id: string;
  proposer_body: string;
  proposer_unit: string;
  proposed_to_body: string;
  proposed_to_unit: string;
  proposed_on: string;
  proposed_on_precision: DatePrecision;
  award: string;
  award_kind: 'FORM' | 'TITLE';
  for_year: number;
  recipients: Recipients;
  reason: string;
  meeting_id: string | null;
  status: ProposalStatus;
  decided_on: string | null;
  commendation_id: string | null;
  decision_number: string | null;
  refusal_reason: string | null;
}

const COLUMNS = `proposal_id, proposer_body, proposer_unit, proposed_to_body, proposed_to_unit, to_char(proposed_on, 'YYYY-MM-DD') AS proposed_on, proposed_on_precision,
  award, award_kind, for_year, recipients, reason, meeting_id, status, to_char(decided_on, 'YYYY-MM-DD') AS decided_on, commendation_id,
  decision_number, refusal_reason`;

/** Proposals made by or to a unit's bodies, newest first. */
export async function listProposals(sql: SqlExecutor, filter: ProposalListFilter): Promise<Page<ProposalItem>> {
  const where = withinUnits(new SqlFilter(), filter, {
    is: (code) => `${code} IN (proposer_unit, proposed_to_unit)`,
    among: (codes) => `(proposer_unit = ANY(${codes}) OR proposed_to_unit = ANY(${codes}))`,
    date: 'proposed_on',
  })
    .add((p) => `status = ${p}`, filter.status)
    .add((p) => `proposed_on >= make_date(${p}::int, 1, 1) AND proposed_on < make_date(${p}::int + 1, 1, 1)`, filter.year)
    .before('proposed_on', 'proposal_id', filter.after);
  const { rows } = await sql.query<ProposalRow>(
    `SELECT ${COLUMNS} FROM rm_commendation_proposals ${where} ORDER BY proposed_on DESC, proposal_id DESC ${where.limitOneMore(filter.limit)}`,
    where.values,
  );
  return toPage(rows, filter.limit, (r) => ({ date: r.proposed_on, id: r.proposal_id }), toItem);
}

export async function findProposal(sql: SqlExecutor, proposalId: string): Promise<ProposalItem | null> {
  const { rows } = await sql.query<ProposalRow>(`SELECT ${COLUMNS} FROM rm_commendation_proposals WHERE proposal_id = $1`, [proposalId]);
  return rows[0] ? toItem(rows[0]) : null;
}

function toItem(r: ProposalRow): ProposalItem {
  return {
    proposalId: r.proposal_id,
    proposer: { body: r.proposer_body, unitCode: r.proposer_unit },
    proposedTo: { body: r.proposed_to_body, unitCode: r.proposed_to_unit },
    proposedOn: r.proposed_on,
    proposedOnPrecision: r.proposed_on_precision,
    award: r.award,
    awardKind: r.award_kind,
    forYear: r.for_year,
    recipients: r.recipients,
    reason: r.reason,
    meetingId: r.meeting_id,
    status: r.status,
    decision:
      r.decided_on === null ? null : { decidedOn: r.decided_on, commendationId: r.commendation_id, decisionNumber: r.decision_number, reason: r.refusal_reason },
  };
}
