import { MigrationInterface, QueryRunner } from 'typeorm';

/** Poison events and what operators did about them (docs/adr/0011-poison-events.md). */
export class CreateDeadLetterTables1763856000700 implements MigrationInterface {
  name = 'CreateDeadLetterTables1763856000700';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE projection_dead_letters (
        id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        projection      text        NOT NULL,
        stream_id       text        NOT NULL,
        stream_version  int         NOT NULL,
        global_position bigint      NOT NULL,
        event_id        uuid        NOT NULL,
        event_type      text        NOT NULL,
        event           jsonb       NOT NULL,
        -- PARKED: this event failed. WAITING: a later event of the same stream, held behind it, not attempted.
        status          text        NOT NULL CHECK (status IN ('PARKED', 'WAITING', 'RESOLVED', 'SKIPPED')),
        error           text,
        attempts        int         NOT NULL DEFAULT 0,
        first_failed_at timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (projection, stream_id, stream_version)
      )`);
    await db.query(`CREATE INDEX projection_dead_letters_open ON projection_dead_letters (projection, stream_id) WHERE status IN ('PARKED', 'WAITING')`);
    // Every operator decision, never updated: who retried or skipped what, why, and what came of it.
    await db.query(`
      CREATE TABLE projection_dead_letter_actions (
        id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        dead_letter_id bigint      NOT NULL REFERENCES projection_dead_letters (id),
        action         text        NOT NULL CHECK (action IN ('RETRY', 'SKIP')),
        actor          text        NOT NULL,
        reason         text,
        outcome        text        NOT NULL,
        acted_at       timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE projection_dead_letter_actions');
    await db.query('DROP TABLE projection_dead_letters');
  }
}
