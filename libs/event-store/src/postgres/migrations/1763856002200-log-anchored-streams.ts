import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which anchors list events of which stream (docs/adr/0058), written with each anchor: how one record is checked
 * against its anchors without reading them all. An index, not evidence: a row removed here makes the record's
 * events look unanchored, which the check reports, never intact.
 */
export class LogAnchoredStreams1763856002200 implements MigrationInterface {
  name = 'LogAnchoredStreams1763856002200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE log_anchored_streams (
        stream_id text   NOT NULL,
        sequence  bigint NOT NULL REFERENCES log_anchors (sequence),
        PRIMARY KEY (stream_id, sequence)
      )`);
    await db.query(`
      CREATE TRIGGER log_anchored_streams_append_only BEFORE UPDATE OR DELETE ON log_anchored_streams
      FOR EACH ROW EXECUTE FUNCTION log_anchors_are_immutable()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE log_anchored_streams');
  }
}
