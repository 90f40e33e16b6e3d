import { CommendationGrantedData } from './commendations/commendation.events';
import { withoutEmptyGrantValues } from './commendations/commendation.repairs';
import { MeetingHeldData } from './meetings/meeting.events';
import { withoutEmptyValues } from './meetings/meeting.repairs';

/**
 * The data of a stored event with the empty values of the list defect left out (meeting.repairs.ts,
 * commendation.repairs.ts), in its own schema version; the data of any other event as it is. One place for every
 * reader that must see stored events as the contract says: the streams the deciders replay, and the relay.
 */
export function withoutListDefect(type: string, data: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  switch (type) {
    case 'MeetingHeld':
      return withoutEmptyValues(data as unknown as MeetingHeldData) as unknown as Record<string, unknown>;
    case 'MeetingCorrected':
      return { ...data, meeting: withoutEmptyValues(data.meeting as MeetingHeldData) };
    case 'CommendationGranted':
      return withoutEmptyGrantValues(data as unknown as CommendationGrantedData) as unknown as Record<string, unknown>;
    default:
      return data;
  }
}
