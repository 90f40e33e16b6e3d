import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import { NewEvent, RecordedEvent } from '../event-envelope';

/** Everything a writer decides about an event: the part of a row its content hash covers. */
export type HashedContent = NewEvent & Pick<RecordedEvent, 'streamId' | 'streamType' | 'streamVersion'>;

/** What the database adds when it stores the event; the link hash covers it too. */
export interface StoredPlace {
  readonly position: string;
  /** recorded_at in microseconds since the epoch, as the database keeps it. */
  readonly recordedAtMicros: string;
}

function sha256(...parts: Buffer[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/**
 * SHA-256 over the RFC 8785 canonical JSON of the content. The content goes through JSON first, so the hash
 * of what a writer appends equals the hash of what a verifier reads back from jsonb.
 */
export function contentHash(content: HashedContent): Buffer {
  const fields = {
    streamId: content.streamId,
    streamType: content.streamType,
    streamVersion: content.streamVersion,
    eventId: content.eventId,
    type: content.type,
    schemaVersion: content.schemaVersion,
    data: content.data,
    metadata: content.metadata,
    occurredOn: content.occurredOn,
    unitCode: content.unitCode,
  };
  return sha256(Buffer.from(canonicalize(JSON.parse(JSON.stringify(fields))), 'utf8'));
}

/**
 * The hash that chains an event to the one before it in its stream. Mirrors the events_chain_link trigger,
 * which computes it inside the INSERT (see the hash-chain migration); a verifier recomputes it here.
 */
export function linkHash(previousHash: Buffer | null, content: Buffer, place: StoredPlace): Buffer {
  return sha256(previousHash ?? Buffer.alloc(0), content, Buffer.from(`${place.position}|${place.recordedAtMicros}`, 'utf8'));
}
