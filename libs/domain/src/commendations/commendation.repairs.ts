import { CommendationGrantedData } from './commendation.events';

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const isBodyOfUnit = (value: unknown): boolean => isObject(value) && typeof value.body === 'string' && typeof value.unitCode === 'string';
/** The API has always refused fewer than one recipient: a group of none is what a list sent for the group became. */
const isRecipientGroup = (value: unknown): boolean => isObject(value) && (Array.isArray(value.names) || (typeof value.count === 'number' && value.count >= 1));

/**
 * The grant-side twin of meeting.repairs.ts: until 2026-12 a list sent where the API expected one object was
 * stored as `{}` (a proposer, a joint issuer) or, for a recipient group, as `{"count": 0}`. Read as absent.
 */
export function withoutEmptyGrantValues(grant: CommendationGrantedData): CommendationGrantedData {
  const raw = grant as unknown as Loose;
  const repaired: Loose = { ...raw };
  if (Array.isArray(raw.jointIssuers)) repaired.jointIssuers = raw.jointIssuers.filter(isBodyOfUnit);
  if (raw.proposer != null && !isBodyOfUnit(raw.proposer)) repaired.proposer = null;
  if (isObject(raw.recipients)) repaired.recipients = Object.fromEntries(Object.entries(raw.recipients).filter(([, group]) => isRecipientGroup(group)));
  return repaired as unknown as CommendationGrantedData;
}
