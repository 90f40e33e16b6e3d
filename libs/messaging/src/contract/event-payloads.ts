import type {
  AwardReservationReleased,
  CommendationProposedData,
  CommendationProposedDataV1,
  CommendationGrantedDataV1,
  ProposalDecidedData,
  AwardReserved,
  CommendationGrantedData,
  CommendationRevoked,
  CommendationRecordWithdrawn,
  EmulationMovementLaunchedData,
  EmulationMovementReviewed,
  MeetingCorrected,
  MeetingHeldData,
  MeetingHeldDataV1,
  UnitChanged,
  UnitDissolved,
  UnitEstablished,
  UnitListImported,
  UnitSucceeded,
  PersonalDataErased,
} from '@civic/domain';

// The payload (CloudEvent data) of every event type in every schema version published on Kafka, named for the
// JSON Schema generator (deploy/contract/generate-contract.ts). The domain types are the source of truth;
// a schema version that is no longer written keeps its frozen type here, because old events stay in the log
// and on the topics.

/** MeetingHeld, schema version 1 (frozen): one chair, no guests, reports, indicators or source. */
export type MeetingHeldV1 = MeetingHeldDataV1;
/** MeetingHeld, schema version 2: the full meeting record. */
export type MeetingHeldV2 = MeetingHeldData;
/** MeetingCorrected, schema version 1 (frozen): the whole corrected record in its v1 shape. */
export type MeetingCorrectedV1 = { readonly meetingId: string; readonly reason: string; readonly meeting: MeetingHeldDataV1 };
/** MeetingCorrected, schema version 2: the whole corrected record. */
export type MeetingCorrectedV2 = MeetingCorrected['data'];
/** CommendationGranted, schema version 1 (frozen): an exact date, counts without a qualifier. */
export type CommendationGrantedV1 = CommendationGrantedDataV1;
/** CommendationGranted, schema version 2: with how exact the date and each count are. */
export type CommendationGrantedV2 = CommendationGrantedData;
export type CommendationRevokedV1 = CommendationRevoked['data'];
export type CommendationRecordWithdrawnV1 = CommendationRecordWithdrawn['data'];
export type AwardReservedV1 = AwardReserved['data'];
/** CommendationProposed, schema version 1 (frozen): an exact date, counts without a qualifier. */
export type CommendationProposedV1 = CommendationProposedDataV1;
export type CommendationProposedV2 = CommendationProposedData;
export type ProposalDecidedV1 = ProposalDecidedData;
export type AwardReservationReleasedV1 = AwardReservationReleased['data'];
export type EmulationMovementLaunchedV1 = EmulationMovementLaunchedData;
export type EmulationMovementReviewedV1 = EmulationMovementReviewed['data'];
export type UnitEstablishedV1 = UnitEstablished['data'];
export type UnitChangedV1 = UnitChanged['data'];
export type UnitDissolvedV1 = UnitDissolved['data'];
export type UnitSucceededV1 = UnitSucceeded['data'];
export type UnitListImportedV1 = UnitListImported['data'];
export type PersonalDataErasedV1 = PersonalDataErased['data'];
