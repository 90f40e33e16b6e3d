import { MigrationInterface, QueryRunner } from 'typeorm';

/** A commendation record withdrawn as made in error: the row stays (its history is the log's), counted nowhere. */
export class CommendationWithdrawals1763856001500 implements MigrationInterface {
  name = 'CommendationWithdrawals1763856001500';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE rm_commendations ADD COLUMN withdrawn_on date, ADD COLUMN withdrawal_reason text');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE rm_commendations DROP COLUMN withdrawal_reason, DROP COLUMN withdrawn_on');
  }
}
