import { RecordedEvent } from '@civic/event-store';
import { MeetingHeldData } from '@civic/domain';
import { Projection, SqlExecutor } from '../projection';

/** One row per meeting: the base of ward summaries and, later, of meeting lists. */
export const meetingsProjection: Projection = {
  name: 'meetings',
  eventTypes: ['MeetingHeld', 'MeetingCorrected'],

  async apply(sql: SqlExecutor, event: RecordedEvent) {
    switch (event.type) {
      case 'MeetingHeld': {
        const meeting = event.data as unknown as MeetingHeldData;
        await sql.query(
          `INSERT INTO rm_meetings (meeting_id, stream_id, unit_code, kind, title, held_on, year, attendee_count,
                                    attendee_qualifier, recorded_position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (meeting_id) DO NOTHING`,
          [
            meeting.meetingId,
            event.streamId,
            meeting.unitCode,
            meeting.kind,
            meeting.title,
            meeting.heldOn,
            Number(meeting.heldOn.slice(0, 4)),
            meeting.attendeeCount?.value ?? null,
            meeting.attendeeCount?.qualifier ?? null,
            event.position,
          ],
        );
        return;
      }
      case 'MeetingCorrected': {
        // The summary counts the corrected version, once; how many were corrected is a figure of its own.
        const { meeting } = event.data as unknown as { meeting: MeetingHeldData };
        await sql.query(
          `UPDATE rm_meetings SET unit_code = $2, kind = $3, title = $4, held_on = $5, year = $6, attendee_count = $7,
                                  attendee_qualifier = $8, corrections = corrections + 1
           WHERE meeting_id = $1`,
          [
            meeting.meetingId,
            meeting.unitCode,
            meeting.kind,
            meeting.title,
            meeting.heldOn,
            Number(meeting.heldOn.slice(0, 4)),
            meeting.attendeeCount?.value ?? null,
            meeting.attendeeCount?.qualifier ?? null,
          ],
        );
        return;
      }
    }
  },
};
