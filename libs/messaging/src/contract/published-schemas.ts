// The published JSON Schemas (docs/asyncapi/schemas, written by `npm run contract`), imported as they are so the
// guard on the write path and the document integrations read are the same files. A spec checks that every
// published event has its schema here.
import AwardReservationReleasedV1 from '../../../../docs/asyncapi/schemas/AwardReservationReleased.v1.schema.json';
import AwardReservedV1 from '../../../../docs/asyncapi/schemas/AwardReserved.v1.schema.json';
import CommendationRecordWithdrawnV1 from '../../../../docs/asyncapi/schemas/CommendationRecordWithdrawn.v1.schema.json';
import CommendationProposedV1 from '../../../../docs/asyncapi/schemas/CommendationProposed.v1.schema.json';
import CommendationProposedV2 from '../../../../docs/asyncapi/schemas/CommendationProposed.v2.schema.json';
import ProposalDecidedV1 from '../../../../docs/asyncapi/schemas/ProposalDecided.v1.schema.json';
import CommendationGrantedV1 from '../../../../docs/asyncapi/schemas/CommendationGranted.v1.schema.json';
import CommendationGrantedV2 from '../../../../docs/asyncapi/schemas/CommendationGranted.v2.schema.json';
import CommendationRevokedV1 from '../../../../docs/asyncapi/schemas/CommendationRevoked.v1.schema.json';
import EmulationMovementLaunchedV1 from '../../../../docs/asyncapi/schemas/EmulationMovementLaunched.v1.schema.json';
import EmulationMovementReviewedV1 from '../../../../docs/asyncapi/schemas/EmulationMovementReviewed.v1.schema.json';
import MeetingCorrectedV1 from '../../../../docs/asyncapi/schemas/MeetingCorrected.v1.schema.json';
import MeetingCorrectedV2 from '../../../../docs/asyncapi/schemas/MeetingCorrected.v2.schema.json';
import MeetingHeldV1 from '../../../../docs/asyncapi/schemas/MeetingHeld.v1.schema.json';
import MeetingHeldV2 from '../../../../docs/asyncapi/schemas/MeetingHeld.v2.schema.json';
import UnitChangedV1 from '../../../../docs/asyncapi/schemas/UnitChanged.v1.schema.json';
import UnitDissolvedV1 from '../../../../docs/asyncapi/schemas/UnitDissolved.v1.schema.json';
import UnitEstablishedV1 from '../../../../docs/asyncapi/schemas/UnitEstablished.v1.schema.json';
import UnitListImportedV1 from '../../../../docs/asyncapi/schemas/UnitListImported.v1.schema.json';
import PersonalDataErasedV1 from '../../../../docs/asyncapi/schemas/PersonalDataErased.v1.schema.json';
import UnitSucceededV1 from '../../../../docs/asyncapi/schemas/UnitSucceeded.v1.schema.json';

/** Schema file name → schema. */
export const PUBLISHED_SCHEMAS: Readonly<Record<string, object>> = {
  'AwardReservationReleased.v1.schema.json': AwardReservationReleasedV1,
  'AwardReserved.v1.schema.json': AwardReservedV1,
  'CommendationGranted.v1.schema.json': CommendationGrantedV1,
  'CommendationGranted.v2.schema.json': CommendationGrantedV2,
  'CommendationRecordWithdrawn.v1.schema.json': CommendationRecordWithdrawnV1,
  'CommendationProposed.v1.schema.json': CommendationProposedV1,
  'CommendationProposed.v2.schema.json': CommendationProposedV2,
  'ProposalDecided.v1.schema.json': ProposalDecidedV1,
  'CommendationRevoked.v1.schema.json': CommendationRevokedV1,
  'EmulationMovementLaunched.v1.schema.json': EmulationMovementLaunchedV1,
  'EmulationMovementReviewed.v1.schema.json': EmulationMovementReviewedV1,
  'MeetingCorrected.v1.schema.json': MeetingCorrectedV1,
  'MeetingCorrected.v2.schema.json': MeetingCorrectedV2,
  'MeetingHeld.v1.schema.json': MeetingHeldV1,
  'MeetingHeld.v2.schema.json': MeetingHeldV2,
  'UnitChanged.v1.schema.json': UnitChangedV1,
  'UnitDissolved.v1.schema.json': UnitDissolvedV1,
  'UnitEstablished.v1.schema.json': UnitEstablishedV1,
  'UnitListImported.v1.schema.json': UnitListImportedV1,
  'UnitSucceeded.v1.schema.json': UnitSucceededV1,
  'PersonalDataErased.v1.schema.json': PersonalDataErasedV1,
};
