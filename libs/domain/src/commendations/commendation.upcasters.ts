import { CommendationEvent, CommendationGrantedData, Recipients } from './commendation.events';
import { CommendationGrantedDataV1, RecipientsV1 } from './commendation.events.v1';
import { withoutEmptyGrantValues } from './commendation.repairs';

/** v1 counts were exact: that is what v1 said of them. */
export function upcastRecipients(v1: RecipientsV1): Recipients {
  return Object.fromEntries(
    Object.entries(v1).map(([kind, group]) => [kind, group.names ? { names: group.names } : { count: group.count, qualifier: 'EXACT' }]),
  ) as Recipients;
}

/** v1 → v2: the date was the day itself and every count exact. */
export function upcastGrant(v1: CommendationGrantedDataV1): CommendationGrantedData {
  return { ...v1, grantedOnPrecision: 'DAY', recipients: upcastRecipients(v1.recipients) };
}

/**
 * Reads a stored commendation event of any schema version as the current one, with the empty values an old defect
 * wrote read as absent (commendation.repairs.ts). Pure: the log keeps what was written, readers see one shape.
 */
export function upcastCommendationEvent(type: string, schemaVersion: number, data: unknown): CommendationEvent {
  if (type === 'CommendationGranted') {
    const repaired = withoutEmptyGrantValues(data as CommendationGrantedData);
    return { type, data: schemaVersion === 1 ? upcastGrant(repaired as unknown as CommendationGrantedDataV1) : repaired };
  }
  if (type === 'CommendationRevoked' || type === 'CommendationRecordWithdrawn') return { type, data } as CommendationEvent;
  throw new Error(`Not a commendation event: ${type}`);
}
