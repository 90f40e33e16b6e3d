import { CivicDate } from '../shared/civic-date';
import { BodyOfUnit } from '../commendations/commendation.events';
import { MovementForm, MovementKind, MovementReviewKind, MovementScope } from './movement-vocabulary';

export const MOVEMENT_STREAM_TYPE = 'emulation-movement';
export const movementStreamId = (movementId: string): string => `emulation-movement-${movementId}`;

export interface EmulationMovementLaunchedData {
  readonly movementId: string;
  readonly name: string;
  readonly kind: MovementKind;
  readonly form: MovementForm;
  readonly scope: MovementScope;
  readonly launchedBy: BodyOfUnit;
  readonly launchedOn: CivicDate;
  readonly period: { readonly from: CivicDate; readonly to: CivicDate | null };
  readonly criteria: readonly string[];
  /** The movement this one carries down (a ward's copy of a city-wide movement). */
  readonly parentMovementId: string | null;
  /** The meeting at which it was launched ("phát động phong trào thi đua năm 2021" at a review conference). */
  readonly meetingId: string | null;
}

export interface EmulationMovementLaunched {
  readonly type: 'EmulationMovementLaunched';
  readonly data: EmulationMovementLaunchedData;
}

export interface EmulationMovementReviewed {
  readonly type: 'EmulationMovementReviewed';
  readonly data: {
    readonly movementId: string;
    readonly reviewKind: MovementReviewKind;
    readonly reviewedOn: CivicDate;
    readonly meetingId: string | null;
    readonly findings: string | null;
    readonly unitCode: string;
  };
}

export type MovementEvent = EmulationMovementLaunched | EmulationMovementReviewed;

export const MOVEMENT_EVENT_SCHEMA_VERSIONS: Record<MovementEvent['type'], number> = {
  EmulationMovementLaunched: 1,
  EmulationMovementReviewed: 1,
};
