import { CommendationGrantedData, MeetingHeldData, withoutEmptyGrantValues, withoutEmptyValues } from '@civic/domain';
import { RecordedEvent } from '@civic/event-store';

/**
 * The data of a stored event as its published schema admits it. Events written while the records API stored
 * empty objects for lists it did not expect (libs/domain meeting.repairs.ts, commendation.repairs.ts) are
 * published with those empty values left out, in the same schema version; every other event as it is stored.
 * The log is not rewritten: its hash chain still covers what was written (docs/asyncapi/README.md).
 */
export function publishedData(event: Pick<RecordedEvent, 'type' | 'data'>): Readonly<Record<string, unknown>> {
  switch (event.type) {
    case 'MeetingHeld':
      return withoutEmptyValues(event.data as unknown as MeetingHeldData) as unknown as Record<string, unknown>;
    case 'MeetingCorrected':
      return { ...event.data, meeting: withoutEmptyValues(event.data.meeting as MeetingHeldData) };
    case 'CommendationGranted':
      return withoutEmptyGrantValues(event.data as unknown as CommendationGrantedData) as unknown as Record<string, unknown>;
    default:
      return event.data;
  }
}
