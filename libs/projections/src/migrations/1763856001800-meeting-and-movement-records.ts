import { MigrationInterface, QueryRunner } from 'typeorm';
import { foldForSearch } from '@civic/domain';

const FOLD_BATCH = 10_000;

/**
 * A meeting and a movement can be read by their ids (the Location of their 201): the read models keep the record as
 * last recorded, with the schema version it was written in (read as the current one), a review's findings and
 * meeting, and a meeting title folded for search. Rows already there are filled from the log.
 */
export class MeetingAndMovementRecords1763856001800 implements MigrationInterface {
  name = 'MeetingAndMovementRecords1763856001800';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE rm_meetings ADD COLUMN record jsonb, ADD COLUMN record_schema_version int, ADD COLUMN title_folded text');
    // The record stands as last recorded: a correction carries the whole corrected meeting.
    await db.query(`
      UPDATE rm_meetings m
      SET record = CASE WHEN e.event_type = 'MeetingHeld' THEN e.data ELSE e.data -> 'meeting' END, record_schema_version = e.schema_version
      FROM (SELECT DISTINCT ON (stream_id) stream_id, event_type, data, schema_version FROM events
            WHERE event_type IN ('MeetingHeld', 'MeetingCorrected') ORDER BY stream_id, stream_version DESC) e
      WHERE e.stream_id = m.stream_id`);
    await foldTitles(db);
    await db.query('ALTER TABLE rm_movements ADD COLUMN record jsonb, ADD COLUMN record_schema_version int');
    await db.query(`
      UPDATE rm_movements m SET record = e.data, record_schema_version = e.schema_version
      FROM events e WHERE e.stream_id = m.stream_id AND e.event_type = 'EmulationMovementLaunched'`);
    await db.query('ALTER TABLE rm_movement_reviews ADD COLUMN meeting_id uuid, ADD COLUMN findings text');
    await db.query(`
      UPDATE rm_movement_reviews r SET meeting_id = (e.data ->> 'meetingId')::uuid, findings = e.data ->> 'findings'
      FROM events e
      WHERE e.event_type = 'EmulationMovementReviewed' AND (e.data ->> 'movementId')::uuid = r.movement_id
        AND e.data ->> 'reviewKind' = r.review_kind AND (e.data ->> 'reviewedOn')::date = r.reviewed_on`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE rm_movement_reviews DROP COLUMN findings, DROP COLUMN meeting_id');
    await db.query('ALTER TABLE rm_movements DROP COLUMN record_schema_version, DROP COLUMN record');
    await db.query('ALTER TABLE rm_meetings DROP COLUMN title_folded, DROP COLUMN record_schema_version, DROP COLUMN record');
  }
}

/** Folding is the domain's (diacritics, đ, case, spaces), so it is done here in batches rather than in SQL. */
async function foldTitles(db: QueryRunner): Promise<void> {
  for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
    const rows: { meeting_id: string; title: string }[] = await db.query(
      'SELECT meeting_id, title FROM rm_meetings WHERE meeting_id > $1 ORDER BY meeting_id LIMIT $2',
      [after, FOLD_BATCH],
    );
    if (!rows.length) return;
    await db.query(
      `UPDATE rm_meetings m SET title_folded = f.folded FROM unnest($1::uuid[], $2::text[]) AS f(id, folded) WHERE m.meeting_id = f.id`,
      [rows.map((r) => r.meeting_id), rows.map((r) => foldForSearch(r.title))],
    );
    after = rows[rows.length - 1].meeting_id;
  }
}
