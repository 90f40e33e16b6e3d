import { MigrationInterface, QueryRunner } from 'typeorm';

/** The bodies that granted a commendation jointly, shown wherever the commendation is read; filled from the log. */
export class CommendationJointIssuers1763856001200 implements MigrationInterface {
  name = 'CommendationJointIssuers1763856001200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE rm_commendations ADD COLUMN joint_issuers jsonb NOT NULL DEFAULT '[]'`);
    await db.query(`
      UPDATE rm_commendations c SET joint_issuers = coalesce(e.data->'jointIssuers', '[]')
      FROM events e WHERE e.stream_id = c.stream_id AND e.event_type = 'CommendationGranted'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE rm_commendations DROP COLUMN joint_issuers');
  }
}
