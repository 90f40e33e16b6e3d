import { CivicBody } from '../shared/civic-body';
import { CivicDate } from '../shared/civic-date';
import { UnitCode } from '../shared/unit-code';
import { AttendanceQualifier, MeetingKind } from './meeting-kind';

export const MEETING_STREAM_TYPE = 'meeting';

export interface ConveningBody {
  readonly body: CivicBody;
  readonly unitCode: UnitCode;
}

export interface MeetingChair {
  readonly fullName: string;
  readonly role: string;
}

export interface AttendeeCount {
  readonly value: number;
  readonly qualifier: AttendanceQualifier;
}

/** Schema version 1 of MeetingHeld. Freeze it when the shape breaks; add an upcaster instead. */
export interface MeetingHeldData {
  readonly meetingId: string;
  readonly unitCode: UnitCode;
  readonly kind: MeetingKind;
  readonly title: string;
  readonly heldOn: CivicDate;
  readonly venue: string | null;
  readonly convenedBy: readonly ConveningBody[];
  readonly chairedBy: MeetingChair | null;
  readonly attendeeCount: AttendeeCount | null;
  readonly reviewYear: number | null;
  readonly planYear: number | null;
}

export interface MeetingHeld {
  readonly type: 'MeetingHeld';
  readonly data: MeetingHeldData;
}

/** The record of a meeting replaced by a corrected one; the earlier version stays in the history. */
export interface MeetingCorrected {
  readonly type: 'MeetingCorrected';
  readonly data: { readonly meetingId: string; readonly reason: string; readonly meeting: MeetingHeldData };
}

export type MeetingEvent = MeetingHeld | MeetingCorrected;

export const MEETING_EVENT_SCHEMA_VERSIONS: Record<MeetingEvent['type'], number> = {
  MeetingHeld: 1,
  MeetingCorrected: 1,
};
