import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The grant as recorded, every field, with the schema version it was written in (read as the current one), so that
 * a commendation can be read by its id; filled from the log for the rows already there.
 */
export class CommendationRecords1763856001600 implements MigrationInterface {
  name = 'CommendationRecords1763856001600';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE rm_commendations ADD COLUMN record jsonb, ADD COLUMN record_schema_version int');
    await db.query(`
      UPDATE rm_commendations c SET record = e.data, record_schema_version = e.schema_version
      FROM events e WHERE e.stream_id = c.stream_id AND e.event_type = 'CommendationGranted'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE rm_commendations DROP COLUMN record_schema_version, DROP COLUMN record');
  }
}
