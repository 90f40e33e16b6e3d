import type { ProposalDecision, ProposalItem } from '@civic/projections';
import type { Recipients } from '@civic/domain';
import { BodyAtUnitResponse } from '../lists/lists.response';

export class ProposalDecisionResponse implements ProposalDecision {
  decidedOn!: string;
  /** The grant that answered it (GET /v1/commendations lists it); null when refused. */
  commendationId!: string | null;
  /** The number of the decision granting it (quyết định số), as the grant cites it. */
  decisionNumber!: string | null;
  /** Why it was refused; null when granted. */
  reason!: string | null;
}

export class ProposalResponse implements ProposalItem {
  proposalId!: string;
  proposer!: BodyAtUnitResponse;
  /** The body asked to grant. */
  proposedTo!: BodyAtUnitResponse;
  proposedOn!: string;
  /** DAY, MONTH (proposedOn is the month's first day) or ON_OR_BEFORE (proposedOn is the latest it can have been). */
  proposedOnPrecision!: 'DAY' | 'MONTH' | 'ON_OR_BEFORE';
  award!: string;
  /** FORM (a form of commendation) or TITLE (an emulation title). */
  awardKind!: 'FORM' | 'TITLE';
  forYear!: number;
  /** As proposed: a count or the names, of collectives, individuals and households. */
  recipients!: Recipients;
  reason!: string;
  meetingId!: string | null;
  /** PROPOSED (not yet answered), GRANTED or REFUSED. */
  status!: 'PROPOSED' | 'GRANTED' | 'REFUSED';
  decision!: ProposalDecisionResponse | null;
}

export class ProposalPageResponse {
  items!: ProposalResponse[];
  /** Pass as `after` to get the next page; null on the last page. */
  nextCursor!: string | null;
}
