import {
  achievementNames,
  achievementsOf,
  CommendationGrantedData,
  ErasePersonalData,
  foldForSearch,
  personalDataErasureDecider,
  personalDataErasureStreamId,
  PersonalDataErased,
  upcastCommendationEvent,
} from '@civic/domain';
import { AppendResult, EventLog } from '../event-log';
import { CommandContext, CommandProcessor } from '../command-processor';
import { RecordedEvent } from '../event-envelope';
import { PersonalDataOpener } from '../personal-data/personal-data-opener';
import { awardReservationStreamId } from '../streams/award-reservation.stream';
import { personalDataErasureStream } from '../streams/personal-data-erasure.stream';
import { PersonalDataKeys } from './personal-data-keys';

export interface ErasureRequest {
  readonly erasureId: string;
  /** The record's stream: `meeting-…`, `commendation-…`, `commendation-proposal-…`. */
  readonly recordStreamId: string;
  /** The person's name as the record shows it; compared folded, as a search compares. */
  readonly personName: string;
  readonly reason: string;
  readonly legalBasis: string;
  readonly erasedOn: string;
}

export interface ErasureDone {
  readonly result: AppendResult;
  readonly erasure: PersonalDataErased['data'];
}

/**
 * Erases a person from one record (docs/adr/0059): finds every key that seals their name in the record's events and
 * in what the record reserved (a grant's achievements name the recipient), records PersonalDataErased, then destroys
 * the keys. Recorded first: an erasure interrupted after it is finished by the projector, which destroys the keys
 * an erasure names (the personal-names projection); one that failed before it left no trace and may be sent again.
 */
export class PersonalDataErasures {
  private readonly opener: PersonalDataOpener;

  constructor(
    private readonly log: EventLog,
    private readonly processor: CommandProcessor,
    private readonly keys: PersonalDataKeys,
  ) {
    this.opener = new PersonalDataOpener(keys, 0);
  }

  /** Undefined when no record has that stream. */
  async erase(request: ErasureRequest, context: CommandContext): Promise<ErasureDone | undefined> {
    const record = await this.log.readStream(request.recordStreamId);
    if (!record.length) return undefined;
    const person = foldForSearch(request.personName);
    const named = (await this.opener.keptValues(record)).filter(({ text }) => foldForSearch(text) === person);
    const reserved = (await this.opener.keptValues(await this.reservationsOf(record))).filter(({ text }) => achievementNames(text, person));
    const erasure: PersonalDataErased['data'] = {
      erasureId: request.erasureId,
      record: { streamId: request.recordStreamId, unitCode: record[record.length - 1].unitCode },
      keyIds: [...new Set([...named, ...reserved].map(({ keyId }) => keyId))],
      reason: request.reason,
      legalBasis: request.legalBasis,
      erasedOn: request.erasedOn,
    };
    const command: ErasePersonalData = { type: 'ErasePersonalData', data: erasure };
    const result = await this.processor.handle(personalDataErasureDecider, personalDataErasureStream, personalDataErasureStreamId(request.erasureId), command, context, { usuallyNew: true });
    await this.keys.erase(erasure.keyIds, erasure.erasureId);
    return { result, erasure };
  }

  /** The reservations of a grant: one stream per achievement, named by a digest of its words (its recipients' names). */
  private async reservationsOf(record: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    const granted = record.filter((event) => event.type === 'CommendationGranted');
    const opened = await this.opener.openEvents(granted.map((event) => ({ ...event, data: upcastCommendationEvent(event.type, event.schemaVersion, event.data).data })));
    const streams = opened.flatMap((event) => achievementsOf(event.data as CommendationGrantedData).map(awardReservationStreamId));
    return (await Promise.all([...new Set(streams)].map((streamId) => this.log.readStream(streamId)))).flat();
  }
}
