import { MeetingEvent, MeetingHeldData } from './meeting.events';
import { MeetingHeldDataV1 } from './meeting.events.v1';
import { withoutEmptyValues } from './meeting.repairs';

/** v1 → v2: the single chair becomes the list of chairs; what v1 could not hold is empty. */
export function upcastMeetingV1(v1: MeetingHeldDataV1): MeetingHeldData {
  const { chairedBy, ...rest } = v1;
  return {
    ...rest,
    chairs: chairedBy ? [chairedBy] : [],
    guests: [],
    subjectTerm: null,
    theme: null,
    reports: [],
    indicators: [],
    source: null,
  };
}

/**
 * Reads a stored meeting event of any schema version as the current one, with the empty values an old defect
 * wrote read as absent (meeting.repairs.ts). Pure: the log keeps what was written, readers see one shape.
 */
export function upcastMeetingEvent(type: string, schemaVersion: number, data: unknown): MeetingEvent {
  const meetingOf = (raw: unknown): MeetingHeldData =>
    schemaVersion === 1 ? upcastMeetingV1(withoutEmptyValues(raw as MeetingHeldDataV1)) : withoutEmptyValues(raw as MeetingHeldData);
  switch (type) {
    case 'MeetingHeld':
      return { type, data: meetingOf(data) };
    case 'MeetingCorrected': {
      const corrected = data as { meetingId: string; reason: string; meeting: unknown };
      return { type, data: { meetingId: corrected.meetingId, reason: corrected.reason, meeting: meetingOf(corrected.meeting) } };
    }
    default:
      throw new Error(`Not a meeting event: ${type}`);
  }
}
