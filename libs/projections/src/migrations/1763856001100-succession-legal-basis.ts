import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The resolution a succession was read from. Without one, its date is the date of the official list that showed
 * the change (the lists do not say when a change took effect).
 */
export class SuccessionLegalBasis1763856001100 implements MigrationInterface {
  name = 'SuccessionLegalBasis1763856001100';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE rm_unit_successions ADD COLUMN legal_basis text');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE rm_unit_successions DROP COLUMN legal_basis');
  }
}
