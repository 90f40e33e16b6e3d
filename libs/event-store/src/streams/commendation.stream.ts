import { COMMENDATION_EVENT_SCHEMA_VERSIONS, COMMENDATION_STREAM_TYPE, CommendationEvent, withoutListDefect } from '@civic/domain';
import { StreamDefinition } from '../command-processor';

export const commendationStream: StreamDefinition<CommendationEvent> = {
  streamType: COMMENDATION_STREAM_TYPE,
  schemaVersionOf: (type) => COMMENDATION_EVENT_SCHEMA_VERSIONS[type],
  placeOf: (event) =>
    event.type === 'CommendationGranted'
      ? { occurredOn: event.data.grantedOn, unitCode: event.data.issuer.unitCode }
      : { occurredOn: event.data.revokedOn, unitCode: event.data.unitCode },
  // Grants stored with the empty values of an old defect are read with them left out (libs/domain list-defect.ts).
  fromRecorded: (event) => ({ type: event.type, data: withoutListDefect(event.type, event.data) }) as unknown as CommendationEvent,
};
