import type {
  AwardReservationReleased,
  CommendationProposedData,
  ProposalDecidedData,
  AwardReserved,
  CommendationGrantedData,
  CommendationRevoked,
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
export type CommendationGrantedV1 = CommendationGrantedData;
export type CommendationRevokedV1 = CommendationRevoked['data'];
export type AwardReservedV1 = AwardReserved['data'];
export type CommendationProposedV1 = CommendationProposedData;
export type ProposalDecidedV1 = ProposalDecidedData;
export type AwardReservationReleasedV1 = AwardReservationReleased['data'];
export type EmulationMovementLaunchedV1 = EmulationMovementLaunchedData;
export type EmulationMovementReviewedV1 = EmulationMovementReviewed['data'];
export type UnitEstablishedV1 = UnitEstablished['data'];
export type UnitChangedV1 = UnitChanged['data'];
export type UnitDissolvedV1 = UnitDissolved['data'];
export type UnitSucceededV1 = UnitSucceeded['data'];
export type UnitListImportedV1 = UnitListImported['data'];
