import { createHash } from 'node:crypto';
import { AWARD_RESERVATION_EVENT_SCHEMA_VERSIONS, AWARD_RESERVATION_STREAM_TYPE, AwardReservationEvent } from '@civic/domain';
import { StreamDefinition } from '../command-processor';

export const awardReservationStream: StreamDefinition<AwardReservationEvent> = {
  streamType: AWARD_RESERVATION_STREAM_TYPE,
  schemaVersionOf: (type) => AWARD_RESERVATION_EVENT_SCHEMA_VERSIONS[type],
  placeOf: (event) => ({ occurredOn: event.type === 'AwardReserved' ? event.data.grantedOn : event.data.revokedOn, unitCode: event.data.unitCode }),
  fromRecorded: (event) => ({ type: event.type, data: event.data }) as unknown as AwardReservationEvent,
};

/** One stream per achievement, named by a digest of its description (names are long and carry any text). */
export const awardReservationStreamId = (achievement: string): string =>
  `award-reservation-${createHash('sha256').update(achievement).digest('hex').slice(0, 40)}`;
