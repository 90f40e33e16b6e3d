import { MeetingHeldData, upcastMeetingEvent } from '@civic/domain';
import { projectedVersionSql, SqlExecutor } from '../projection';

/** One meeting as last recorded, every field of it in the current schema version. */
export interface MeetingRecord {
  readonly meeting: MeetingHeldData;
  /** How many times the record was corrected; the audit keeps every earlier version. */
  readonly corrections: number;
  /** The record's version (its stream's), for the ETag and for If-Match on a correction. */
  readonly version: number;
}

export async function findMeeting(sql: SqlExecutor, meetingId: string): Promise<MeetingRecord | null> {
  const { rows } = await sql.query<{ record: unknown; record_schema_version: number; corrections: number; version: number }>(
    `SELECT m.record, m.record_schema_version, m.corrections,
            ${projectedVersionSql('meetings', 'm.stream_id')} AS version
     FROM rm_meetings m WHERE m.meeting_id = $1 AND m.record IS NOT NULL`,
    [meetingId],
  );
  const row = rows[0];
  if (!row) return null;
  const held = upcastMeetingEvent('MeetingHeld', row.record_schema_version, row.record);
  return { meeting: held.data as MeetingHeldData, corrections: row.corrections, version: row.version };
}
