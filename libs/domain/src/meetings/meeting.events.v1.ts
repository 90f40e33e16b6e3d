import { AttendeeCount, ConveningBody, MeetingChair } from './meeting.events';
import { MeetingKind } from './meeting-kind';

/**
 * Schema version 1 of MeetingHeld, frozen: events recorded before the full meeting record (§4.2) have this
 * shape. They are never rewritten; `upcastMeetingHeld` reads them as the current version.
 */
export interface MeetingHeldDataV1 {
  readonly meetingId: string;
  readonly unitCode: string;
  readonly kind: MeetingKind;
  readonly title: string;
  readonly heldOn: string;
  readonly venue: string | null;
  readonly convenedBy: readonly ConveningBody[];
  readonly chairedBy: MeetingChair | null;
  readonly attendeeCount: AttendeeCount | null;
  readonly reviewYear: number | null;
  readonly planYear: number | null;
}
