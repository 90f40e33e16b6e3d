import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How exact a grant's or a proposal's date is, and which of a grant's counts are not exact. Rows made before are
 * of schema version 1: the day itself and exact counts, which the defaults say.
 */
export class VagueFacts1763856001400 implements MigrationInterface {
  name = 'VagueFacts1763856001400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE rm_commendations ADD COLUMN granted_on_precision text NOT NULL DEFAULT 'DAY'`);
    // Only the kinds whose count was approximate or a lower bound: {"collectives": "AT_LEAST"}.
    await db.query(`ALTER TABLE rm_commendations ADD COLUMN recipient_qualifiers jsonb NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE rm_commendation_proposals ADD COLUMN proposed_on_precision text NOT NULL DEFAULT 'DAY'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE rm_commendation_proposals DROP COLUMN proposed_on_precision');
    await db.query('ALTER TABLE rm_commendations DROP COLUMN recipient_qualifiers, DROP COLUMN granted_on_precision');
  }
}
