import { MigrationInterface, QueryRunner } from 'typeorm';
import { contentHash, linkHash } from '../../integrity/event-hash';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from '../row-mapping';

const BACKFILL_BATCH = 5000;

/**
 * Tamper evidence (docs/adr/0008-hash-chain.md). The writer hashes an event's canonical content; a BEFORE INSERT
 * trigger links it to the previous version of its stream, so concurrent writers need no extra round trip and
 * the UNIQUE(stream_id, stream_version) constraint still decides who wins. Events written before this migration
 * are hashed once, here, as they are.
 */
export class AddHashChain1763856000600 implements MigrationInterface {
  name = 'AddHashChain1763856000600';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE events ADD COLUMN content_hash bytea, ADD COLUMN previous_hash bytea, ADD COLUMN event_hash bytea');
    await this.backfill(db);
    await db.query('ALTER TABLE events ALTER COLUMN content_hash SET NOT NULL, ALTER COLUMN event_hash SET NOT NULL');
    await db.query(`
      CREATE FUNCTION events_chain_link() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.stream_version > 1 THEN
          SELECT event_hash INTO NEW.previous_hash FROM events
          WHERE stream_id = NEW.stream_id AND stream_version = NEW.stream_version - 1;
          IF NEW.previous_hash IS NULL THEN
            RAISE EXCEPTION 'version % of stream % has no previous version to chain to', NEW.stream_version, NEW.stream_id
              USING ERRCODE = 'foreign_key_violation';
          END IF;
        ELSE
          NEW.previous_hash := NULL;
        END IF;
        NEW.event_hash := sha256(coalesce(NEW.previous_hash, ''::bytea) || NEW.content_hash
          || convert_to(NEW.global_position::text || '|' || (extract(epoch FROM NEW.recorded_at) * 1000000)::bigint::text, 'UTF8'));
        RETURN NEW;
      END $$`);
    await db.query('CREATE TRIGGER events_chain_link BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_chain_link()');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER events_chain_link ON events');
    await db.query('DROP FUNCTION events_chain_link');
    await db.query('ALTER TABLE events DROP COLUMN content_hash, DROP COLUMN previous_hash, DROP COLUMN event_hash');
  }

  /** Walks every stream in version order, in batches, with the append-only trigger lifted for this transaction only. */
  private async backfill(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
    let after = { streamId: '', version: 0 };
    let previous: { streamId: string; hash: Buffer } | null = null;
    for (;;) {
      const rows: (EventRow & { recorded_micros: string })[] = await db.query(
        `SELECT ${EVENT_COLUMNS}, (extract(epoch FROM recorded_at) * 1000000)::bigint::text AS recorded_micros
         FROM events WHERE (stream_id, stream_version) > ($1, $2) ORDER BY stream_id, stream_version LIMIT $3`,
        [after.streamId, after.version, BACKFILL_BATCH],
      );
      if (!rows.length) break;
      const updates = rows.map((row) => {
        const event = toRecordedEvent(row);
        const content = contentHash(event);
        const previousHash: Buffer | null = previous?.streamId === event.streamId ? previous.hash : null;
        const hash = linkHash(previousHash, content, { position: event.position, recordedAtMicros: row.recorded_micros });
        previous = { streamId: event.streamId, hash };
        return { position: event.position, content, previousHash, hash };
      });
      await db.query(
        `UPDATE events e SET content_hash = u.content_hash, previous_hash = u.previous_hash, event_hash = u.event_hash
         FROM unnest($1::bigint[], $2::bytea[], $3::bytea[], $4::bytea[]) AS u(position, content_hash, previous_hash, event_hash)
         WHERE e.global_position = u.position`,
        [updates.map((u) => u.position), updates.map((u) => u.content), updates.map((u) => u.previousHash), updates.map((u) => u.hash)],
      );
      const last = rows[rows.length - 1];
      after = { streamId: last.stream_id, version: last.stream_version };
    }
    await db.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
  }
}
