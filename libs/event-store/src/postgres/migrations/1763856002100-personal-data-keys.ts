import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data keys of personal fields (docs/adr/0059), each wrapped by the master key from configuration. Erasing a
 * person's data destroys the wrapped key (set to null) and keeps the row: when and by which erasure it went.
 */
export class PersonalDataKeys1763856002100 implements MigrationInterface {
  name = 'PersonalDataKeys1763856002100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE personal_data_keys (
        key_id        uuid        PRIMARY KEY,
        master_key_id text        NOT NULL,
        wrapped_key   bytea,
        created_at    timestamptz NOT NULL DEFAULT now(),
        erased_at     timestamptz,
        erasure_id    uuid,
        CONSTRAINT personal_data_keys_erased_or_kept CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE personal_data_keys');
  }
}
