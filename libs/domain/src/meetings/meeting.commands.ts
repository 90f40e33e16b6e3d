import { CivicDate } from '../shared/civic-date';
import { UnitsOnDate } from '../shared/unit-context';
import { MeetingHeldData } from './meeting.events';

export interface RecordMeeting {
  readonly type: 'RecordMeeting';
  readonly data: MeetingHeldData;
  /** The civic date in Việt Nam when the command was received; facts cannot lie after it. */
  readonly metadata: {
    readonly receivedOn: CivicDate;
    /** The meeting's unit and every convening unit, as they stood on the day it was held. */
    readonly units: UnitsOnDate;
  };
}

export interface CorrectMeeting {
  readonly type: 'CorrectMeeting';
  readonly data: { readonly reason: string; readonly meeting: MeetingHeldData };
  readonly metadata: RecordMeeting['metadata'];
}

export type MeetingCommand = RecordMeeting | CorrectMeeting;
