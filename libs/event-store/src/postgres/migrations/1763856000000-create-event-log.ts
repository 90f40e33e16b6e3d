import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log is the system of record. Rows are never updated or deleted (a trigger refuses it);
 * corrections are new events. See docs/adr/0002-event-log-in-postgres.md.
 */
export class CreateEventLog1763856000000 implements MigrationInterface {
  name = 'CreateEventLog1763856000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        stream_id       text        NOT NULL,
        stream_type     text        NOT NULL,
        stream_version  integer     NOT NULL CHECK (stream_version > 0),
        event_id        uuid        NOT NULL,
        event_type      text        NOT NULL,
        schema_version  integer     NOT NULL CHECK (schema_version > 0),
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        occurred_on     date        NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT statement_timestamp(),
        unit_code       text        NOT NULL,
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version),
        CONSTRAINT events_event_id_unique UNIQUE (event_id)
      )`);
    // Readers of the whole log walk it in commit order below the oldest running transaction.
    await db.query(`CREATE INDEX events_commit_order ON events (transaction_id, global_position)`);
    await db.query(`CREATE INDEX events_unit_occurred ON events (unit_code, occurred_on)`);
    await db.query(`CREATE INDEX events_type_position ON events (event_type, global_position)`);
    await db.query(`
      CREATE FUNCTION events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the event log is append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
      END $$`);
    await db.query(`
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION events_are_immutable()`);
    await db.query(`
      CREATE TABLE idempotency_keys (
        scope        text        NOT NULL,
        key          text        NOT NULL,
        request_hash text        NOT NULL,
        result       jsonb       NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await db.query(`
      CREATE TABLE log_checkpoints (
        reader          text        PRIMARY KEY,
        transaction_id  xid8        NOT NULL,
        global_position bigint      NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE log_checkpoints');
    await db.query('DROP TABLE idempotency_keys');
    await db.query('DROP TABLE events');
    await db.query('DROP FUNCTION events_are_immutable');
  }
}
