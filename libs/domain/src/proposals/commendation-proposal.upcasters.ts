import { upcastRecipients } from '../commendations/commendation.upcasters';
import { CommendationProposalEvent } from './commendation-proposal.events';
import { CommendationProposedDataV1 } from './commendation-proposal.events.v1';

/** Reads a stored proposal event of any schema version as the current one (v1: the day itself, exact counts). */
export function upcastProposalEvent(type: string, schemaVersion: number, data: unknown): CommendationProposalEvent {
  if (type === 'CommendationProposed' && schemaVersion === 1) {
    const v1 = data as CommendationProposedDataV1;
    return { type, data: { ...v1, proposedOnPrecision: 'DAY', recipients: upcastRecipients(v1.recipients) } };
  }
  return { type, data } as CommendationProposalEvent;
}
