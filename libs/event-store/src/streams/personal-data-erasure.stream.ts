import { PERSONAL_DATA_ERASURE_EVENT_SCHEMA_VERSIONS, PERSONAL_DATA_ERASURE_STREAM_TYPE, PersonalDataErasureEvent } from '@civic/domain';
import { StreamDefinition } from '../command-processor';

/** An erasure sits under the unit of the record it erased from, on the day it was done: the unit's audit shows it. */
export const personalDataErasureStream: StreamDefinition<PersonalDataErasureEvent> = {
  streamType: PERSONAL_DATA_ERASURE_STREAM_TYPE,
  schemaVersionOf: (type) => PERSONAL_DATA_ERASURE_EVENT_SCHEMA_VERSIONS[type],
  placeOf: (event) => ({ occurredOn: event.data.erasedOn, unitCode: event.data.record.unitCode }),
  fromRecorded: (event) => ({ type: event.type, data: event.data }) as unknown as PersonalDataErasureEvent,
};
