import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to a summarised read model announces, on commit, the units whose figures it changed, so that
 * readers may cache answers and drop exactly the ones a change touched (docs/adr/0014-summary-cache.md).
 * Triggers rather than projector code: every writer (projector, dead-letter retry, a rebuild's catch-up) is
 * covered, and Postgres sends the notifications only if the transaction commits. A registry change alters
 * the hierarchy every roll-up is read through, so it announces '*': everything.
 */
const TABLES = ['rm_meetings', 'rm_commendations', 'rm_movements', 'rm_movement_reviews', 'rm_unit_versions', 'rm_unit_successions'];

export class NotifyReadModelChanges1763856000800 implements MigrationInterface {
  name = 'NotifyReadModelChanges1763856000800';

  async up(db: QueryRunner): Promise<void> {
    // The units are read from the column named by the trigger's argument, before and after the change: a
    // correction may move a meeting from one ward to another. Postgres folds repeated notifications of a
    // transaction, so a batch announces each unit once.
    await db.query(`
      CREATE FUNCTION notify_read_model_units() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        unit text;
      BEGIN
        FOR unit IN
          SELECT DISTINCT jsonb_array_elements_text(CASE jsonb_typeof(v) WHEN 'array' THEN v ELSE jsonb_build_array(v) END)
          FROM (VALUES (to_jsonb(NEW) -> TG_ARGV[0]), (to_jsonb(OLD) -> TG_ARGV[0])) AS changed(v)
          WHERE v IS NOT NULL AND v <> 'null'::jsonb
        LOOP
          PERFORM pg_notify('civic_read_models', unit);
        END LOOP;
        RETURN NULL;
      END $$`);
    // A review counts for the unit that launched the movement, which the review row does not name.
    await db.query(`
      CREATE FUNCTION notify_movement_review() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('civic_read_models', m.unit_code)
        FROM rm_movements m WHERE m.movement_id IN (NEW.movement_id, OLD.movement_id);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION notify_everything_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('civic_read_models', '*');
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER announce_units AFTER INSERT OR UPDATE OR DELETE ON rm_meetings FOR EACH ROW EXECUTE FUNCTION notify_read_model_units('unit_code')`);
    await db.query(`CREATE TRIGGER announce_units AFTER INSERT OR UPDATE OR DELETE ON rm_commendations FOR EACH ROW EXECUTE FUNCTION notify_read_model_units('grantor_units')`);
    await db.query(`CREATE TRIGGER announce_units AFTER INSERT OR UPDATE OR DELETE ON rm_movements FOR EACH ROW EXECUTE FUNCTION notify_read_model_units('unit_code')`);
    await db.query(`CREATE TRIGGER announce_units AFTER INSERT OR UPDATE OR DELETE ON rm_movement_reviews FOR EACH ROW EXECUTE FUNCTION notify_movement_review()`);
    for (const table of ['rm_unit_versions', 'rm_unit_successions']) {
      await db.query(`CREATE TRIGGER announce_units AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_everything_changed()`);
    }
    // Emptying a table (tests, operators) changes every answer that read it.
    for (const table of TABLES) {
      await db.query(`CREATE TRIGGER announce_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_everything_changed()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await db.query(`DROP TRIGGER announce_truncate ON ${table}`);
      await db.query(`DROP TRIGGER announce_units ON ${table}`);
    }
    await db.query('DROP FUNCTION notify_everything_changed()');
    await db.query('DROP FUNCTION notify_movement_review()');
    await db.query('DROP FUNCTION notify_read_model_units()');
  }
}
