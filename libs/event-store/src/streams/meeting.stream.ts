import { MEETING_EVENT_SCHEMA_VERSIONS, MEETING_STREAM_TYPE, MeetingEvent, upcastMeetingEvent } from '@civic/domain';
import { StreamDefinition } from '../command-processor';

export const meetingStreamId = (meetingId: string): string => `meeting-${meetingId}`;

export const meetingStream: StreamDefinition<MeetingEvent> = {
  streamType: MEETING_STREAM_TYPE,
  schemaVersionOf: (type) => MEETING_EVENT_SCHEMA_VERSIONS[type],
  placeOf: (event) => {
    const meeting = event.type === 'MeetingHeld' ? event.data : event.data.meeting;
    return { occurredOn: meeting.heldOn, unitCode: meeting.unitCode };
  },
  fromRecorded: (event) => upcastMeetingEvent(event.type, event.schemaVersion, event.data),
};
