import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProjectionTables1763856000100 implements MigrationInterface {
  name = 'CreateProjectionTables1763856000100';

  async up(db: QueryRunner): Promise<void> {
    // Kafka offsets of the projector, moved in the same transaction as the read models they produced.
    await db.query(`
      CREATE TABLE projection_offsets (
        consumer_group text   NOT NULL,
        topic          text   NOT NULL,
        partition      int    NOT NULL,
        next_offset    bigint NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, topic, partition)
      )`);
    // The last stream version each projection applied: re-published events are skipped, never counted twice.
    await db.query(`
      CREATE TABLE projected_streams (
        projection      text   NOT NULL,
        stream_id       text   NOT NULL,
        stream_version  int    NOT NULL,
        global_position bigint NOT NULL,
        PRIMARY KEY (projection, stream_id)
      )`);
    await db.query(`
      CREATE TABLE rm_meetings (
        meeting_id         uuid    PRIMARY KEY,
        stream_id          text    NOT NULL,
        unit_code          text    NOT NULL,
        kind               text    NOT NULL,
        title              text    NOT NULL,
        held_on            date    NOT NULL,
        year               int     NOT NULL,
        attendee_count     int,
        attendee_qualifier text,
        recorded_position  bigint  NOT NULL
      )`);
    await db.query('CREATE INDEX rm_meetings_unit_year ON rm_meetings (unit_code, year)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE rm_meetings');
    await db.query('DROP TABLE projected_streams');
    await db.query('DROP TABLE projection_offsets');
  }
}
