import { COMMENDATION_EVENT_SCHEMA_VERSIONS, COMMENDATION_STREAM_TYPE, CommendationEvent, upcastCommendationEvent } from '@civic/domain';
import { StreamDefinition } from '../command-processor';

export const commendationStream: StreamDefinition<CommendationEvent> = {
  streamType: COMMENDATION_STREAM_TYPE,
  schemaVersionOf: (type) => COMMENDATION_EVENT_SCHEMA_VERSIONS[type],
  placeOf: (event) => {
    switch (event.type) {
      case 'CommendationGranted':
        return { occurredOn: event.data.grantedOn, unitCode: event.data.issuer.unitCode };
      case 'CommendationRevoked':
        return { occurredOn: event.data.revokedOn, unitCode: event.data.unitCode };
      default:
        return { occurredOn: event.data.withdrawnOn, unitCode: event.data.unitCode };
    }
  },
  // A grant of schema version 1 is read as the current version, the empty values of an old defect left out.
  fromRecorded: (event) => upcastCommendationEvent(event.type, event.schemaVersion, event.data),
};
