import { CivicDate } from '../shared/civic-date';
import { UnitsOnDate } from '../shared/unit-context';
import { BodyOfUnit, CommendationGrantedData } from '../commendations/commendation.events';
import { CommendationProposedData } from './commendation-proposal.events';

export interface ProposeCommendation {
  readonly type: 'ProposeCommendation';
  readonly data: CommendationProposedData;
  /** The proposer's and the proposed-to body's units as they stood on the proposal's date. */
  readonly metadata: { readonly receivedOn: CivicDate; readonly units: UnitsOnDate };
}

export interface DecideProposal {
  readonly type: 'DecideProposal';
  readonly data: { readonly proposalId: string; readonly decidedBy: BodyOfUnit; readonly decidedOn: CivicDate } & (
    | { readonly outcome: 'GRANTED'; readonly commendationId: string }
    | { readonly outcome: 'REFUSED'; readonly reason: string }
  );
  /** The grant a GRANTED decision names, as recorded (read by the handler); null when there is none. */
  readonly metadata: { readonly receivedOn: CivicDate; readonly grant: CommendationGrantedData | null };
}

export type CommendationProposalCommand = ProposeCommendation | DecideProposal;
