import { CIVIC_BODIES, CivicBody } from '../shared/civic-body';
import { assertNever, Decider } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import { unitOfExistingBody } from '../shared/unit-not-in-force';
import { LaunchEmulationMovement, MovementCommand, ReviewEmulationMovement } from './movement.commands';
import { EmulationMovementLaunchedData, MovementEvent } from './movement.events';
import { MOVEMENT_KINDS, MovementKind } from './movement-vocabulary';

export type MovementState =
  | { readonly status: 'NOT_LAUNCHED' }
  | { readonly status: 'ACTIVE' | 'CONCLUDED'; readonly movement: EmulationMovementLaunchedData; readonly lastReviewedOn: string | null };

/**
 * Who may launch (Law 2022 Art. 18): People's Committee chairs within their locality; the Fatherland Front and
 * socio-political organisations within their own systems. Campaigns (cuộc vận động) are run by the Front, the
 * Party and the mass organisations. Councils and steering committees advise; they launch nothing.
 */
const LAUNCHERS: Record<MovementKind, readonly CivicBody[]> = {
  PHONG_TRAO: ['UBND', 'UB_MTTQ', 'DANG_UY', 'KHOI_DAN_VAN', 'HOI_LHPN', 'HOI_CCB', 'DOAN_TNCS', 'HOI_NONG_DAN', 'CONG_DOAN'],
  CUOC_VAN_DONG: ['UB_MTTQ', 'DANG_UY', 'HOI_LHPN', 'HOI_CCB', 'DOAN_TNCS', 'HOI_NONG_DAN', 'CONG_DOAN', 'BAN_CTMT'],
};
const LAUNCH_BASIS = 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 18 (Luật 2003, Điều 10 trước 2024)';

export const movementDecider: Decider<MovementCommand, MovementEvent, MovementState> = {
  initialState: () => ({ status: 'NOT_LAUNCHED' }),

  decide(command, state) {
    switch (command.type) {
      case 'LaunchEmulationMovement':
        return launch(command, state);
      case 'ReviewEmulationMovement':
        return review(command, state);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'EmulationMovementLaunched':
        return { status: 'ACTIVE', movement: event.data, lastReviewedOn: null };
      case 'EmulationMovementReviewed':
        if (state.status === 'NOT_LAUNCHED') return state;
        return { ...state, status: event.data.reviewKind === 'TONG_KET' ? 'CONCLUDED' : state.status, lastReviewedOn: event.data.reviewedOn };
      default:
        return assertNever(event);
    }
  },
};

function launch(command: LaunchEmulationMovement, state: MovementState): MovementEvent[] {
  const movement = command.data;
  if (state.status !== 'NOT_LAUNCHED') throw new DomainRuleViolation('MOVEMENT.ALREADY_LAUNCHED', 'This movement has already been recorded.');
  if (movement.launchedOn > command.metadata.receivedOn) {
    throw new DomainRuleViolation('MOVEMENT.LAUNCHED_IN_FUTURE', `A movement is recorded once launched; ${movement.launchedOn} is after today.`, {
      field: 'launchedOn',
    });
  }
  if (movement.period.to !== null && movement.period.to < movement.period.from) {
    throw new DomainRuleViolation('MOVEMENT.PERIOD_REVERSED', 'A movement’s period ends on or after the day it starts.', { field: 'period/to' });
  }
  const unit = unitOfExistingBody(movement.launchedBy, movement.launchedOn, command.metadata.units, {
    unitCode: 'MOVEMENT.LAUNCHER_UNIT_NOT_IN_FORCE',
    bodyCode: 'MOVEMENT.LAUNCHER_DID_NOT_EXIST',
    consequence: 'none of its bodies could launch a movement then',
    field: 'launchedBy',
  });
  if (!LAUNCHERS[movement.kind].includes(movement.launchedBy.body)) {
    throw new DomainRuleViolation(
      'MOVEMENT.LAUNCHER_NOT_ALLOWED',
      `A ${MOVEMENT_KINDS[movement.kind].vi.toLowerCase()} is launched by ${LAUNCHERS[movement.kind].map((b) => CIVIC_BODIES[b].vi).join(', ')}; the ${CIVIC_BODIES[movement.launchedBy.body].vi} does not launch one.`,
      { field: 'launchedBy/body', legalBasis: LAUNCH_BASIS },
    );
  }
  if (movement.scope === 'TOAN_QUOC') {
    throw new DomainRuleViolation(
      'MOVEMENT.SCOPE_BEYOND_LAUNCHER',
      `A nationwide movement is launched by the State President or the Prime Minister, not by a body of ${unit.name}; record the local movement that carries it out, with the national one as its parent.`,
      { field: 'scope', legalBasis: LAUNCH_BASIS },
    );
  }
  return [{ type: 'EmulationMovementLaunched', data: movement }];
}

function review(command: ReviewEmulationMovement, state: MovementState): MovementEvent[] {
  if (state.status === 'NOT_LAUNCHED') throw new DomainRuleViolation('MOVEMENT.NOT_FOUND', 'There is no such movement to review.');
  if (state.status === 'CONCLUDED') {
    throw new DomainRuleViolation('MOVEMENT.ALREADY_CONCLUDED', 'The movement has had its final review (tổng kết); it takes no further review.');
  }
  const { reviewedOn } = command.data;
  if (reviewedOn < state.movement.launchedOn || reviewedOn > command.metadata.receivedOn) {
    throw new DomainRuleViolation('MOVEMENT.REVIEW_OUT_OF_TIME', `A review falls between the launch (${state.movement.launchedOn}) and today.`, {
      field: 'reviewedOn',
    });
  }
  if (state.lastReviewedOn && reviewedOn < state.lastReviewedOn) {
    throw new DomainRuleViolation('MOVEMENT.REVIEW_BEFORE_PREVIOUS', `The previous review was on ${state.lastReviewedOn}; reviews are recorded in order.`, {
      field: 'reviewedOn',
    });
  }
  return [{ type: 'EmulationMovementReviewed', data: { ...command.data, unitCode: state.movement.launchedBy.unitCode } }];
}
