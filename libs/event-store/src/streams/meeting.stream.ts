import { MEETING_EVENT_SCHEMA_VERSIONS, MEETING_STREAM_TYPE, MeetingEvent, MeetingHeldData } from '@civic/domain';
import { StreamDefinition } from '../command-processor';

export const meetingStreamId = (meetingId: string): string => `meeting-${meetingId}`;

export const meetingStream: StreamDefinition<MeetingEvent> = {
  streamType: MEETING_STREAM_TYPE,
  schemaVersionOf: (type) => MEETING_EVENT_SCHEMA_VERSIONS[type],
  placeOf: (event) => ({ occurredOn: event.data.heldOn, unitCode: event.data.unitCode }),
  fromRecorded: (event) => {
    if (event.type !== 'MeetingHeld') throw new Error(`Unknown meeting event ${event.type}`);
    return { type: 'MeetingHeld', data: event.data as unknown as MeetingHeldData };
  },
};
