import {
  achievementsOf,
  AchievementAlreadyAwarded,
  AwardReservationEvent,
  CommendationGrantedData,
  foldForSearch,
  holderOf,
} from '@civic/domain';
import { AlongsideAppend, alongsideAppend, awardReservationStream, awardReservationStreamId, ERASED_PERSONAL_DATA, EventLog } from '@civic/event-store';
import { OpenPersonalData, recordedGrant } from './recorded-grant';

/** The event log, for the reads a command makes beside its own stream. */
export const EVENT_LOG = Symbol('EventLog');

/** The reservation streams a grant ever took, found by its id: what names the streams cannot give once erased. */
export type ReservationsTakenBy = (commendationId: string) => Promise<string[]>;

/** An achievement whose recipient's name was erased (docs/adr/0059): its stream can no longer be named from it. */
const ERASED_ACHIEVEMENT = ` ${foldForSearch(ERASED_PERSONAL_DATA)}`;

/**
 * One achievement, one award: a grant reserves each of its achievements, in the same transaction as the grant; a
 * revocation releases them (libs/domain award-reservation.ts). Read again for every decision of a command.
 */
export class AwardReservations {
  constructor(
    private readonly log: EventLog,
    /** The grant's named recipients are read to find their reservations: a reservation is known by the name. */
    private readonly open?: OpenPersonalData,
    private readonly takenBy?: ReservationsTakenBy,
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

  /**
   * The releases a revocation appends: each reservation the grant still holds. A recipient whose name was erased is
   * found by the grant's id instead, and released under the achievement as it was reserved (still sealed).
   */
  async release(commendationId: string, revokedOn: string): Promise<AlongsideAppend[]> {
    const record = await recordedGrant(this.log, commendationId, this.open);
    if (record.status === 'NOT_GRANTED') return [];
    const achievements = achievementsOf(record.commendation);
    const named = new Map(achievements.filter((a) => !a.endsWith(ERASED_ACHIEVEMENT)).map((a) => [awardReservationStreamId(a), a] as const));
    const streams = new Set(named.keys());
    if (achievements.some((a) => a.endsWith(ERASED_ACHIEVEMENT)) && this.takenBy) for (const streamId of await this.takenBy(commendationId)) streams.add(streamId);
    const releases: AlongsideAppend[] = [];
    for (const streamId of streams) {
      const history = await this.history(streamId);
      const held = history[history.length - 1];
      if (held?.type !== 'AwardReserved' || held.data.commendationId !== commendationId) continue;
      const achievement = named.get(streamId) ?? held.data.achievement;
      const event: AwardReservationEvent = { type: 'AwardReservationReleased', data: { achievement, commendationId, revokedOn, unitCode: record.commendation.issuer.unitCode } };
      releases.push(alongsideAppend(awardReservationStream, streamId, history.length, [event]));
    }
    return releases;
  }

  private async history(streamId: string): Promise<AwardReservationEvent[]> {
    return (await this.log.readStream(streamId)).map(awardReservationStream.fromRecorded);
  }
}
