import { Pool } from 'pg';
import { LOG_START } from '../../event-log';
import { AnchoredEvent, anchorDigest, AnchorSigningKey, LOG_ANCHOR_FORMAT, LogAnchor, signAnchor, SignedLogAnchor } from '../../integrity/log-anchor';
import { inTransaction } from '../transaction';

/** Where a signed anchor goes before it is stored: Kafka, a file. Throwing leaves it unstored, to be made again. */
export type AnchorPublisher = (signed: SignedLogAnchor) => Promise<void>;

/** At most this many events per anchor: about 170 bytes each, so an anchor stays well under Kafka's 1 MB message. */
export const MAX_EVENTS_PER_ANCHOR = 1000;

/** Serialises the makers of anchors (relays, the CLI): each continues from the last one stored. */
const ANCHOR_LOCK = `hashtext('civic-records:log-anchors')`;

interface AnchoredRow {
  position: string;
  transaction_text: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  event_hash: string;
}

/**
 * Signs the log's chain heads: each anchor lists the events recorded since the previous one, in commit order, with
 * the hash each row holds, and is signed with a key the database never sees. It reads only below the log horizon
 * (docs/adr/0016), where no transaction can still add an event, so an anchored range never gains one honestly.
 * An anchor is published (Kafka, the anchor file) before it is stored: a crash between the two makes the same
 * range again, and the copies agree on everything but the signing time (the verifier accepts such a twin).
 */
export class LogAnchoring {
  constructor(
    private readonly pool: Pool,
    private readonly key: AnchorSigningKey,
    private readonly maxEventsPerAnchor = MAX_EVENTS_PER_ANCHOR,
  ) {}

  /** Anchors every event not yet anchored, in anchors of at most maxEventsPerAnchor; answers those made. */
  async anchorPending(publish: AnchorPublisher): Promise<SignedLogAnchor[]> {
    const made: SignedLogAnchor[] = [];
    for (;;) {
      const next = await this.anchorNext(publish);
      if (!next) return made;
      made.push(next);
    }
  }

  private anchorNext(publish: AnchorPublisher): Promise<SignedLogAnchor | null> {
    return inTransaction(
      this.pool,
      async (client, opened) => {
        const previous = (opened[opened.length - 1].rows[0] as { signed: SignedLogAnchor } | undefined)?.signed.anchor;
        const after = previous?.upTo ?? LOG_START;
        const { rows } = await client.query<AnchoredRow>(
          `SELECT global_position::text AS position, transaction_id::text AS transaction_text, event_id, stream_id, stream_version,
                  encode(event_hash, 'hex') AS event_hash
           FROM events
           WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) AND transaction_id < (SELECT event_log_horizon())
           ORDER BY transaction_id, global_position
           LIMIT $3`,
          [after.transactionId, after.position, this.maxEventsPerAnchor],
        );
        if (!rows.length) return null;
        const last = rows[rows.length - 1];
        const anchor: Omit<LogAnchor, 'keyId'> = {
          format: LOG_ANCHOR_FORMAT,
          sequence: (previous?.sequence ?? 0) + 1,
          previous: previous ? anchorDigest(previous) : null,
          after,
          upTo: { transactionId: last.transaction_text, position: last.position },
          events: rows.map(anchoredEvent),
          signedAt: new Date().toISOString(),
        };
        const signed = signAnchor(anchor, this.key);
        await publish(signed);
        await client.query(
          `WITH anchor AS (
             INSERT INTO log_anchors (sequence, up_to_transaction, up_to_position, events, key_id, signed_at, signed)
             VALUES ($1, $2::xid8, $3, $4, $5, $6, $7) RETURNING sequence
           )
           INSERT INTO log_anchored_streams (stream_id, sequence) SELECT DISTINCT unnest($8::text[]), sequence FROM anchor`,
          [signed.anchor.sequence, last.transaction_text, last.position, rows.length, signed.anchor.keyId, signed.anchor.signedAt, signed, rows.map((row) => row.stream_id)],
        );
        return signed;
      },
      { begin: `BEGIN; SELECT pg_advisory_xact_lock(${ANCHOR_LOCK}); SELECT signed FROM log_anchors ORDER BY sequence DESC LIMIT 1` },
    );
  }
}

/** Every signed anchor stored in the database, in sequence. */
export async function storedAnchors(pool: Pool): Promise<SignedLogAnchor[]> {
  const { rows } = await pool.query<{ signed: SignedLogAnchor }>('SELECT signed FROM log_anchors ORDER BY sequence');
  return rows.map((row) => row.signed);
}

function anchoredEvent(row: AnchoredRow): AnchoredEvent {
  return { position: row.position, eventId: row.event_id, streamId: row.stream_id, streamVersion: row.stream_version, eventHash: row.event_hash };
}
