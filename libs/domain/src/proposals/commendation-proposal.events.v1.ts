import { RecipientsV1 } from '../commendations/commendation.events.v1';
import type { CommendationProposedData } from './commendation-proposal.events';

/** Schema version 1 of CommendationProposed, frozen: an exact date and exact counts. */
export type CommendationProposedDataV1 = Omit<CommendationProposedData, 'proposedOnPrecision' | 'recipients'> & { readonly recipients: RecipientsV1 };
