import { CivicDate } from '../shared/civic-date';
import { DatePrecision } from '../shared/vague-facts';
import { Award } from '../commendations/commendation-vocabulary';
import { BodyOfUnit, Recipients } from '../commendations/commendation.events';

export const COMMENDATION_PROPOSAL_STREAM_TYPE = 'commendation-proposal';
export const commendationProposalStreamId = (proposalId: string): string => `commendation-proposal-${proposalId}`;

/**
 * A proposal (đề nghị) by one body to another to commend ("Khối Dân vận đề xuất Đảng ủy phường khen thưởng…",
 * "UBND phường đề nghị UBND quận công nhận danh hiệu Tổ dân phố văn hóa"): a fact of its own, whatever is decided.
 */
export interface CommendationProposedData {
  readonly proposalId: string;
  readonly proposer: BodyOfUnit;
  /** The body asked to grant. */
  readonly proposedTo: BodyOfUnit;
  readonly proposedOn: CivicDate;
  /** How exact `proposedOn` is: an article often reports a proposal at a meeting, so on or before its date. */
  readonly proposedOnPrecision: DatePrecision;
  readonly award: Award;
  readonly forYear: number;
  readonly recipients: Recipients;
  readonly reason: string;
  readonly meetingId: string | null;
}

export interface CommendationProposed {
  readonly type: 'CommendationProposed';
  readonly data: CommendationProposedData;
}

/** How a proposal was answered: granted by a decision (the grant recorded as a commendation), or refused. */
export const PROPOSAL_OUTCOME_VALUES = ['GRANTED', 'REFUSED'] as const;
export type ProposalOutcome = (typeof PROPOSAL_OUTCOME_VALUES)[number];

/**
 * The answer to a proposal, by the body it went to. Flat (one shape whatever the outcome) so that integrations read
 * it without a union: a GRANTED answer names the grant and its decision number (quyết định số), `reason` is null;
 * a REFUSED one gives the reason and names no grant.
 */
export interface ProposalDecidedData {
  readonly proposalId: string;
  readonly decidedBy: BodyOfUnit;
  readonly decidedOn: CivicDate;
  readonly outcome: ProposalOutcome;
  readonly commendationId: string | null;
  readonly decisionNumber: string | null;
  readonly reason: string | null;
}

export interface ProposalDecided {
  readonly type: 'ProposalDecided';
  readonly data: ProposalDecidedData;
}

export type CommendationProposalEvent = CommendationProposed | ProposalDecided;

export const COMMENDATION_PROPOSAL_EVENT_SCHEMA_VERSIONS: Record<CommendationProposalEvent['type'], number> = { CommendationProposed: 2, ProposalDecided: 1 };
