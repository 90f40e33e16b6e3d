import { assertNever, Decider } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import { yearOf } from '../shared/civic-date';
import { absenceOfBody } from '../shared/bodies-at-unit';
import { unitNotInForce } from '../shared/unit-not-in-force';
import { CIVIC_BODIES } from '../shared/civic-body';
import { conveningRule } from './convening-rules';
import { CorrectMeeting, MeetingCommand, RecordMeeting } from './meeting.commands';
import { MeetingEvent, MeetingHeldData } from './meeting.events';

export type MeetingState = { readonly status: 'NOT_RECORDED' } | { readonly status: 'RECORDED'; readonly meeting: MeetingHeldData };

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  initialState: () => ({ status: 'NOT_RECORDED' }),

  decide(command, state) {
    switch (command.type) {
      case 'RecordMeeting':
        return recordMeeting(command, state);
      case 'CorrectMeeting':
        return correctMeeting(command, state);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'MeetingHeld':
        return { status: 'RECORDED', meeting: event.data };
      case 'MeetingCorrected':
        return { status: 'RECORDED', meeting: event.data.meeting };
      default:
        return assertNever(event);
    }
  },
};

function recordMeeting(command: RecordMeeting, state: MeetingState): MeetingEvent[] {
  if (state.status !== 'NOT_RECORDED') {
    throw new DomainRuleViolation('MEETING.ALREADY_RECORDED', 'This meeting has already been recorded; correct it instead of recording it again.');
  }
  checkMeeting(command.data, command.metadata);
  return [{ type: 'MeetingHeld', data: command.data }];
}

function correctMeeting(command: CorrectMeeting, state: MeetingState): MeetingEvent[] {
  if (state.status !== 'RECORDED') throw new DomainRuleViolation('MEETING.NOT_FOUND', 'There is no such meeting to correct.');
  const { meeting, reason } = command.data;
  if (meeting.meetingId !== state.meeting.meetingId) throw new Error('A correction keeps the meeting id');
  if (JSON.stringify(meeting) === JSON.stringify(state.meeting)) {
    throw new DomainRuleViolation('MEETING.CORRECTION_CHANGES_NOTHING', 'The correction is identical to the current record; nothing to correct.', {
      field: 'meeting',
    });
  }
  checkMeeting(meeting, command.metadata, 'meeting/');
  return [{ type: 'MeetingCorrected', data: { meetingId: meeting.meetingId, reason, meeting } }];
}

/** The rules every version of a meeting record obeys, first recorded or corrected. */
function checkMeeting(meeting: MeetingHeldData, metadata: RecordMeeting['metadata'], prefix = ''): void {
  if (meeting.heldOn > metadata.receivedOn) {
    throw new DomainRuleViolation(
      'MEETING.HELD_IN_FUTURE',
      `A meeting can only be recorded once it has been held; ${meeting.heldOn} is after today (${metadata.receivedOn}).`,
      { field: `${prefix}heldOn` },
    );
  }
  const heldInYear = yearOf(meeting.heldOn);
  if (meeting.reviewYear !== null && meeting.reviewYear > heldInYear) {
    throw new DomainRuleViolation(
      'MEETING.REVIEW_YEAR_AFTER_MEETING',
      `A meeting held in ${heldInYear} cannot review the work of ${meeting.reviewYear}, which had not yet happened.`,
      { field: `${prefix}reviewYear` },
    );
  }
  if (meeting.planYear !== null && meeting.planYear < heldInYear) {
    throw new DomainRuleViolation(
      'MEETING.PLAN_YEAR_BEFORE_MEETING',
      `A meeting held in ${heldInYear} cannot set tasks for ${meeting.planYear}, which has already passed.`,
      { field: `${prefix}planYear` },
    );
  }
  if (meeting.subjectTerm && meeting.subjectTerm.fromYear > meeting.subjectTerm.toYear) {
    throw new DomainRuleViolation('MEETING.TERM_REVERSED', 'A term runs from an earlier year to a later one.', { field: `${prefix}subjectTerm` });
  }
  meeting.indicators.forEach((indicator, index) => {
    if (indicator.denominator !== null && indicator.numerator > indicator.denominator) {
      throw new DomainRuleViolation(
        'MEETING.INDICATOR_EXCEEDS_WHOLE',
        `"${indicator.label}": ${indicator.numerator} of ${indicator.denominator} is more than the whole.`,
        { field: `${prefix}indicators/${index}/numerator` },
      );
    }
  });
  if (meeting.source?.publishedOn && meeting.source.publishedOn < meeting.heldOn) {
    throw new DomainRuleViolation(
      'MEETING.SOURCE_BEFORE_MEETING',
      `The source was published on ${meeting.source.publishedOn}, before the meeting it reports (${meeting.heldOn}).`,
      { field: `${prefix}source/publishedOn` },
    );
  }
  const unit = metadata.units[meeting.unitCode];
  if (!unit) {
    throw unitNotInForce('MEETING.UNIT_NOT_IN_FORCE', meeting.unitCode, meeting.heldOn, 'a meeting is recorded under a unit that existed on its date', `${prefix}unitCode`);
  }
  meeting.convenedBy.forEach((convener, index) => {
    const convenerUnit = metadata.units[convener.unitCode];
    if (!convenerUnit) {
      throw unitNotInForce('MEETING.CONVENER_UNIT_NOT_IN_FORCE', convener.unitCode, meeting.heldOn, 'no body of it could convene the meeting', `${prefix}convenedBy/${index}/unitCode`);
    }
    const absence = absenceOfBody(convener.body, convenerUnit, meeting.heldOn);
    if (absence) {
      throw new DomainRuleViolation('MEETING.CONVENING_BODY_DID_NOT_EXIST', absence.rule, {
        field: `${prefix}convenedBy/${index}/body`,
        legalBasis: absence.legalBasis,
      });
    }
  });
  const convening = conveningRule(meeting.kind, meeting.heldOn);
  meeting.convenedBy.forEach((convener, index) => {
    if (convening && !convening.bodies.includes(convener.body)) {
      throw new DomainRuleViolation('MEETING.CONVENER_NOT_ALLOWED_FOR_KIND', `${convening.rule}; the ${CIVIC_BODIES[convener.body].vi} does not convene one.`, {
        field: `${prefix}convenedBy/${index}/body`,
        legalBasis: convening.legalBasis,
      });
    }
  });
  const conveners = new Set(meeting.convenedBy.map((c) => `${c.body}@${c.unitCode}`));
  if (conveners.size !== meeting.convenedBy.length) {
    throw new DomainRuleViolation('MEETING.DUPLICATE_CONVENER', 'Each convening body of a unit is listed only once.', {
      field: `${prefix}convenedBy`,
    });
  }
}
