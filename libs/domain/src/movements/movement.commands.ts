import { CivicDate } from '../shared/civic-date';
import { UnitsOnDate } from '../shared/unit-context';
import { EmulationMovementLaunchedData, EmulationMovementReviewed } from './movement.events';

export interface LaunchEmulationMovement {
  readonly type: 'LaunchEmulationMovement';
  readonly data: EmulationMovementLaunchedData;
  readonly metadata: { readonly receivedOn: CivicDate; readonly units: UnitsOnDate };
}

export interface ReviewEmulationMovement {
  readonly type: 'ReviewEmulationMovement';
  readonly data: Omit<EmulationMovementReviewed['data'], 'unitCode'>;
  readonly metadata: { readonly receivedOn: CivicDate };
}

export type MovementCommand = LaunchEmulationMovement | ReviewEmulationMovement;
