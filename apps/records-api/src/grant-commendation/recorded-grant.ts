import { commendationDecider, CommendationState, commendationStreamId, foldEvents } from '@civic/domain';
import { commendationStream, EventLog } from '@civic/event-store';

/** A commendation's record as its stream holds it now: granted, revoked, withdrawn as made in error, or none. */
export async function recordedGrant(log: EventLog, commendationId: string): Promise<CommendationState> {
  const events = (await log.readStream(commendationStreamId(commendationId))).map(commendationStream.fromRecorded);
  return foldEvents(commendationDecider, events);
}
