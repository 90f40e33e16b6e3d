import { TOPIC_BY_STREAM_TYPE } from '../topics';

/** One message of the published stream: an event type in one schema version, on one topic. */
export interface PublishedEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamType: keyof typeof TOPIC_BY_STREAM_TYPE;
  /** What it records, for the AsyncAPI document. */
  readonly summary: string;
  /** Still written by the current code; older versions are only read (and upcast) from history. */
  readonly current: boolean;
}

/**
 * Everything integrations can receive. The AsyncAPI document (docs/asyncapi/asyncapi.yaml) and the JSON Schemas
 * (docs/asyncapi/schemas/<Type>.v<N>.schema.json) are checked against this list by the contract tests.
 */
export const PUBLISHED_EVENTS: readonly PublishedEvent[] = [
  { type: 'MeetingHeld', schemaVersion: 1, streamType: 'meeting', current: false, summary: 'A meeting was held (first record shape: a single chair).' },
  { type: 'MeetingHeld', schemaVersion: 2, streamType: 'meeting', current: true, summary: 'A meeting was held: the full record (§4.2).' },
  { type: 'MeetingCorrected', schemaVersion: 1, streamType: 'meeting', current: false, summary: 'A meeting record was corrected (v1 shape of the record).' },
  { type: 'MeetingCorrected', schemaVersion: 2, streamType: 'meeting', current: true, summary: 'A meeting record was corrected: the whole corrected record and the reason.' },
  { type: 'CommendationGranted', schemaVersion: 1, streamType: 'commendation', current: false, summary: 'A commendation or emulation title was granted (first shape: an exact date, exact counts).' },
  { type: 'CommendationGranted', schemaVersion: 2, streamType: 'commendation', current: true, summary: 'A commendation or emulation title was granted: how exact its date and each count are (vague facts).' },
  { type: 'CommendationRevoked', schemaVersion: 1, streamType: 'commendation', current: true, summary: 'A commendation was revoked.' },
  { type: 'CommendationRecordWithdrawn', schemaVersion: 1, streamType: 'commendation', current: true, summary: 'A commendation record was withdrawn as made in error (a correction of the record, not a revocation): count it nowhere.' },
  { type: 'AwardReserved', schemaVersion: 1, streamType: 'award-reservation', current: true, summary: 'A grant reserved one of its achievements (one achievement, one award).' },
  { type: 'CommendationProposed', schemaVersion: 1, streamType: 'commendation-proposal', current: false, summary: 'A body proposed to another that it commend recipients (first shape: an exact date, exact counts).' },
  { type: 'CommendationProposed', schemaVersion: 2, streamType: 'commendation-proposal', current: true, summary: 'A body proposed to another that it commend recipients (đề nghị khen thưởng), with how exact its date and counts are.' },
  { type: 'ProposalDecided', schemaVersion: 1, streamType: 'commendation-proposal', current: true, summary: 'The body a proposal went to answered it: granted by a recorded grant (its decision number), or refused.' },
  { type: 'AwardReservationReleased', schemaVersion: 1, streamType: 'award-reservation', current: true, summary: 'A revoked grant released an achievement, which may be commended again.' },
  { type: 'EmulationMovementLaunched', schemaVersion: 1, streamType: 'emulation-movement', current: true, summary: 'An emulation movement was launched.' },
  { type: 'EmulationMovementReviewed', schemaVersion: 1, streamType: 'emulation-movement', current: true, summary: 'An emulation movement was reviewed (sơ kết or tổng kết).' },
  { type: 'UnitEstablished', schemaVersion: 1, streamType: 'admin-unit', current: true, summary: 'An administrative unit came into the registry.' },
  { type: 'UnitChanged', schemaVersion: 1, streamType: 'admin-unit', current: true, summary: 'A unit was renamed, retyped or moved under another parent from a date.' },
  { type: 'UnitDissolved', schemaVersion: 1, streamType: 'admin-unit', current: true, summary: 'A unit ceased to exist after a date.' },
  { type: 'UnitSucceeded', schemaVersion: 1, streamType: 'admin-unit', current: true, summary: 'A unit’s territory went, whole or in part, to successor units.' },
  { type: 'UnitListImported', schemaVersion: 1, streamType: 'admin-unit', current: true, summary: 'An official unit list was imported into the registry.' },
  {
    type: 'PersonalDataErased', schemaVersion: 1, streamType: 'personal-data-erasure', current: true,
    summary: 'A person’s data was erased from a record at their request (Decree 13/2023/NĐ-CP): the data keys named are destroyed, so every value sealed with them reads as erased. Names no one.',
  },
];

/** The name of the payload type in event-payloads.ts and of its schema file. */
export const payloadTypeName = (event: Pick<PublishedEvent, 'type' | 'schemaVersion'>): string => `${event.type}V${event.schemaVersion}`;
export const schemaFileName = (event: Pick<PublishedEvent, 'type' | 'schemaVersion'>): string => `${event.type}.v${event.schemaVersion}.schema.json`;
