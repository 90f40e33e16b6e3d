import { RecordedEvent } from '@civic/event-store';
import { foldForSearch, MeetingHeldData, upcastMeetingEvent } from '@civic/domain';
import { Projection, ProjectionContext, SqlExecutor } from '../projection';
import { inStreamLayers, insertNewRows, insertRows, JsonColumn } from '../batching';

/** The columns of rm_meetings a meeting record sets: meetingValues, then the stream and position. */
const MEETING_COLUMNS = ['meeting_id', 'unit_code', 'kind', 'title', 'title_folded', 'held_on', 'year', 'attendee_count', 'attendee_qualifier',
  'record', 'record_schema_version', 'stream_id', 'recorded_position'];

/**
 * The values of a meeting record, in the order of MEETING_COLUMNS: the figures read in the current schema version,
 * and the record as written (`raw`, with its schema version) for the read by id, which upcasts it as every reader does.
 */
function meetingValues(meeting: MeetingHeldData, raw: unknown, schemaVersion: number): unknown[] {
  return [
    meeting.meetingId,
    meeting.unitCode,
    meeting.kind,
    meeting.title,
    // A record without a title (a poison event) is refused by the table, which names the column, not by folding.
    foldForSearch(meeting.title ?? ''),
    meeting.heldOn,
    Number(meeting.heldOn.slice(0, 4)),
    meeting.attendeeCount?.value ?? null,
    meeting.attendeeCount?.qualifier ?? null,
    new JsonColumn(raw),
    schemaVersion,
  ];
}

/** New meetings, one statement for many; a meeting already there (a redelivery) is left as it is. */
function insertHeld(sql: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
  const rows = events.map((recorded) => {
    const event = upcastMeetingEvent(recorded.type, recorded.schemaVersion, recorded.data) as { data: MeetingHeldData };
    return [...meetingValues(event.data, recorded.data, recorded.schemaVersion), recorded.streamId, recorded.position];
  });
  return insertNewRows(sql, 'rm_meetings', 'meeting_id', MEETING_COLUMNS, rows);
}

/**
 * Corrections, one statement for many meetings (never one meeting twice: see inStreamLayers). The summary counts
 * the corrected version, once; how many were corrected is a figure of its own. A correction carries the whole
 * record, so it stands even when the first record was never projected (a dead letter an operator skipped).
 */
function upsertCorrected(sql: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
  const rows = events.map((recorded) => {
    const event = upcastMeetingEvent(recorded.type, recorded.schemaVersion, recorded.data) as { data: { meeting: MeetingHeldData } };
    const raw = (recorded.data as { meeting: unknown }).meeting;
    return [...meetingValues(event.data.meeting, raw, recorded.schemaVersion), recorded.streamId, recorded.position, 1];
  });
  return insertRows(
    sql,
    'rm_meetings',
    [...MEETING_COLUMNS, 'corrections'],
    rows,
    `ON CONFLICT (meeting_id) DO UPDATE SET unit_code = EXCLUDED.unit_code, kind = EXCLUDED.kind, title = EXCLUDED.title, title_folded = EXCLUDED.title_folded,
       record = EXCLUDED.record, record_schema_version = EXCLUDED.record_schema_version, held_on = EXCLUDED.held_on, year = EXCLUDED.year, attendee_count = EXCLUDED.attendee_count,
       attendee_qualifier = EXCLUDED.attendee_qualifier, corrections = rm_meetings.corrections + 1`,
  );
}

/** Meeting events of one type, each of another meeting. */
function applyRun(sql: SqlExecutor, run: readonly RecordedEvent[]): Promise<void> {
  return run[0].type === 'MeetingHeld' ? insertHeld(sql, run) : upsertCorrected(sql, run);
}

/** One row per meeting: the base of the summaries and of the meeting list. */
export const meetingsProjection: Projection = {
  name: 'meetings',
  eventTypes: ['MeetingHeld', 'MeetingCorrected'],
  tables: ['rm_meetings'],

  async handle(events: readonly RecordedEvent[], { sql }: ProjectionContext) {
    await inStreamLayers(events, ['MeetingHeld', 'MeetingCorrected'], (run) => applyRun(sql, run), (event) => applyRun(sql, [event]));
  },
};
