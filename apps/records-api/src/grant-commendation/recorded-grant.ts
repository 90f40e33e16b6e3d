import { commendationDecider, CommendationState, commendationStreamId, foldEvents } from '@civic/domain';
import { commendationStream, EventLog, RecordedEvent } from '@civic/event-store';

/** Opens the sealed personal fields of events (PersonalDataOpener.openEvents), for a reader that needs the names. */
export type OpenPersonalData = (events: readonly RecordedEvent[]) => Promise<RecordedEvent[]>;

/**
 * A commendation's record as its stream holds it now: granted, revoked, withdrawn as made in error, or none. Its
 * recipients' names stay sealed unless `open` is given (docs/adr/0059): the deciders only count them.
 */
export async function recordedGrant(log: EventLog, commendationId: string, open?: OpenPersonalData): Promise<CommendationState> {
  const stored = await log.readStream(commendationStreamId(commendationId));
  const events = (open ? await open(stored) : stored).map(commendationStream.fromRecorded);
  return foldEvents(commendationDecider, events);
}
