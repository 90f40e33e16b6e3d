import { COMMENDATION_EVENT_SCHEMA_VERSIONS, COMMENDATION_STREAM_TYPE, CommendationEvent, CommendationGrantedData, withoutEmptyGrantValues } from '@civic/domain';
import { StreamDefinition } from '../command-processor';

export const commendationStream: StreamDefinition<CommendationEvent> = {
  streamType: COMMENDATION_STREAM_TYPE,
  schemaVersionOf: (type) => COMMENDATION_EVENT_SCHEMA_VERSIONS[type],
  placeOf: (event) =>
    event.type === 'CommendationGranted'
      ? { occurredOn: event.data.grantedOn, unitCode: event.data.issuer.unitCode }
      : { occurredOn: event.data.revokedOn, unitCode: event.data.unitCode },
  // Grants stored with the empty values of an old defect are read with them left out (commendation.repairs.ts).
  fromRecorded: (event) =>
    (event.type === 'CommendationGranted'
      ? { type: event.type, data: withoutEmptyGrantValues(event.data as unknown as CommendationGrantedData) }
      : { type: event.type, data: event.data }) as unknown as CommendationEvent,
};
