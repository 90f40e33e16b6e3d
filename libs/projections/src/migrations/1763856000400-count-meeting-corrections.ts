import { MigrationInterface, QueryRunner } from 'typeorm';

export class CountMeetingCorrections1763856000400 implements MigrationInterface {
  name = 'CountMeetingCorrections1763856000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE rm_meetings ADD COLUMN corrections int NOT NULL DEFAULT 0');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE rm_meetings DROP COLUMN corrections');
  }
}
