import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A destroyed data key is announced on commit (channel civic_personal_data_erased, the key id), so that readers
 * holding keys or opened answers in memory (query-api) forget them at once rather than show an erased name for the
 * seconds they keep them. A trigger, so every eraser is covered: records-api, the projector finishing an erasure.
 */
export class PersonalDataErasureNotices1763856002400 implements MigrationInterface {
  name = 'PersonalDataErasureNotices1763856002400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION announce_personal_data_erased() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('civic_personal_data_erased', NEW.key_id::text);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER announce_erased AFTER UPDATE OF wrapped_key ON personal_data_keys
      FOR EACH ROW WHEN (OLD.wrapped_key IS NOT NULL AND NEW.wrapped_key IS NULL)
      EXECUTE FUNCTION announce_personal_data_erased()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER announce_erased ON personal_data_keys');
    await db.query('DROP FUNCTION announce_personal_data_erased()');
  }
}
