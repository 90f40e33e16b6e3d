import { COMMENDATION_EVENT_SCHEMA_VERSIONS, COMMENDATION_STREAM_TYPE, CommendationEvent, upcastCommendationEvent, withoutListDefect } from '@civic/domain';
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
  // Grants stored with the empty values of an old defect are read with them left out (libs/domain list-defect.ts),
  // and a grant of schema version 1 as the current version.
  fromRecorded: (event) => upcastCommendationEvent(event.type, event.schemaVersion, withoutListDefect(event.type, event.data)),
};
