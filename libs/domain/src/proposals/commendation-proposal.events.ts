import { CivicDate } from '../shared/civic-date';
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

/** The answer to a proposal: granted by a decision (the grant recorded as a commendation), or refused. */
export type ProposalOutcome =
  | { readonly outcome: 'GRANTED'; readonly commendationId: string; readonly decisionNumber: string | null }
  | { readonly outcome: 'REFUSED'; readonly reason: string };

export interface ProposalDecided {
  readonly type: 'ProposalDecided';
  readonly data: { readonly proposalId: string; readonly decidedOn: CivicDate; readonly unitCode: string } & ProposalOutcome;
}

export type CommendationProposalEvent = CommendationProposed | ProposalDecided;

export const COMMENDATION_PROPOSAL_EVENT_SCHEMA_VERSIONS: Record<CommendationProposalEvent['type'], number> = { CommendationProposed: 1, ProposalDecided: 1 };
