import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The signed checkpoints of the log (docs/adr/0058): the copy the anchoring job continues from. It is not what
 * verification trusts — a database administrator can delete rows here — but the anchors' signatures and their chain
 * (each names its predecessor's digest) make a forged or removed one visible; the copies shipped elsewhere (the
 * anchor file, the Kafka topic) are the ones an auditor checks against.
 */
export class LogAnchors1763856002000 implements MigrationInterface {
  name = 'LogAnchors1763856002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE log_anchors (
        sequence          bigint      PRIMARY KEY,
        up_to_transaction xid8        NOT NULL,
        up_to_position    bigint      NOT NULL,
        events            integer     NOT NULL,
        key_id            text        NOT NULL,
        signed_at         timestamptz NOT NULL,
        signed            jsonb       NOT NULL
      )`);
    await db.query(`
      CREATE FUNCTION log_anchors_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'signed log anchors are append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
      END $$`);
    await db.query(`
      CREATE TRIGGER log_anchors_append_only BEFORE UPDATE OR DELETE ON log_anchors
      FOR EACH ROW EXECUTE FUNCTION log_anchors_are_immutable()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE log_anchors');
    await db.query('DROP FUNCTION log_anchors_are_immutable()');
  }
}
