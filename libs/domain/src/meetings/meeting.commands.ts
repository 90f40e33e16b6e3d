import { CivicDate } from '../shared/civic-date';
import { MeetingHeldData } from './meeting.events';

export interface RecordMeeting {
  readonly type: 'RecordMeeting';
  readonly data: MeetingHeldData;
  /** The civic date in Việt Nam when the command was received; facts cannot lie after it. */
  readonly metadata: { readonly receivedOn: CivicDate };
}

export type MeetingCommand = RecordMeeting;
