import { MOVEMENT_EVENT_SCHEMA_VERSIONS, MOVEMENT_STREAM_TYPE, MovementEvent } from '@civic/domain';
import { StreamDefinition } from '../command-processor';

export const movementStream: StreamDefinition<MovementEvent> = {
  streamType: MOVEMENT_STREAM_TYPE,
  schemaVersionOf: (type) => MOVEMENT_EVENT_SCHEMA_VERSIONS[type],
  placeOf: (event) =>
    event.type === 'EmulationMovementLaunched'
      ? { occurredOn: event.data.launchedOn, unitCode: event.data.launchedBy.unitCode }
      : { occurredOn: event.data.reviewedOn, unitCode: event.data.unitCode },
  fromRecorded: (event) => ({ type: event.type, data: event.data }) as unknown as MovementEvent,
};
