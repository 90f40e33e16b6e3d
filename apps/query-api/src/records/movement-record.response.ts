import type { EmulationMovementLaunchedData } from '@civic/domain';
import type { MovementRecord } from '@civic/projections';
import { BodyAtUnitResponse, MovementPeriodResponse } from '../lists/lists.response';

/** The movement as launched: every field of EmulationMovementLaunched. */
export class MovementResponse {
  movementId!: string;
  name!: string;
  kind!: string;
  form!: string;
  scope!: string;
  launchedBy!: BodyAtUnitResponse;
  launchedOn!: string;
  period!: MovementPeriodResponse;
  criteria!: string[];
  /** The movement this one carries down. */
  parentMovementId!: string | null;
  /** The meeting at which it was launched. */
  meetingId!: string | null;
}

export class MovementReviewResponse {
  /** SO_KET (interim) or TONG_KET (final, which concludes the movement). */
  reviewKind!: string;
  reviewedOn!: string;
  meetingId!: string | null;
  findings!: string | null;
  unitCode!: string;
}

export class MovementRecordResponse implements MovementRecord {
  movement!: MovementResponse & EmulationMovementLaunchedData;
  /** ACTIVE, or CONCLUDED by its final review. */
  status!: string;
  concludedOn!: string | null;
  /** Oldest first. */
  reviews!: MovementReviewResponse[];
  /** The record's version: the ETag. */
  version!: number;
}
