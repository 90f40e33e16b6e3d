import {
  achievementsOf,
  AchievementAlreadyAwarded,
  AwardReservationEvent,
  CommendationGrantedData,
  holderOf,
} from '@civic/domain';
import { AlongsideAppend, alongsideAppend, awardReservationStream, awardReservationStreamId, EventLog } from '@civic/event-store';
import { OpenPersonalData, recordedGrant } from './recorded-grant';

/** The event log, for the reads a command makes beside its own stream. */
export const EVENT_LOG = Symbol('EventLog');

/**
 * One achievement, one award: a grant reserves each of its achievements, in the same transaction as the grant; a
 * revocation releases them (libs/domain award-reservation.ts). Read again for every decision of a command.
 */
export class AwardReservations {
  constructor(
    private readonly log: EventLog,
    /** The grant's named recipients are read to find their reservations: a reservation is known by the name. */
    private readonly open?: OpenPersonalData,
  ) {}

  /** The reservations a grant appends; refused, naming the first grant, when another grant holds one of them. */
  async reserve(grant: Omit<CommendationGrantedData, 'regime'>): Promise<AlongsideAppend[]> {
    const reservations: AlongsideAppend[] = [];
    for (const achievement of achievementsOf(grant)) {
      const streamId = awardReservationStreamId(achievement);
      const history = await this.history(streamId);
      const holder = holderOf(history);
      if (holder && holder !== grant.commendationId) throw new AchievementAlreadyAwarded(grant, holder);
      const event: AwardReservationEvent = { type: 'AwardReserved', data: { achievement, commendationId: grant.commendationId, grantedOn: grant.grantedOn, unitCode: grant.issuer.unitCode } };
      reservations.push(alongsideAppend(awardReservationStream, streamId, history.length, [event]));
    }
    return reservations;
  }

  /** The releases a revocation appends: each reservation the grant still holds. */
  async release(commendationId: string, revokedOn: string): Promise<AlongsideAppend[]> {
    const record = await recordedGrant(this.log, commendationId, this.open);
    if (record.status === 'NOT_GRANTED') return [];
    const releases: AlongsideAppend[] = [];
    for (const achievement of achievementsOf(record.commendation)) {
      const streamId = awardReservationStreamId(achievement);
      const history = await this.history(streamId);
      if (holderOf(history) !== commendationId) continue;
      const event: AwardReservationEvent = { type: 'AwardReservationReleased', data: { achievement, commendationId, revokedOn, unitCode: record.commendation.issuer.unitCode } };
      releases.push(alongsideAppend(awardReservationStream, streamId, history.length, [event]));
    }
    return releases;
  }

  private async history(streamId: string): Promise<AwardReservationEvent[]> {
    return (await this.log.readStream(streamId)).map(awardReservationStream.fromRecorded);
  }
}
