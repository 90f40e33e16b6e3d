import { createHash, hash } from 'node:crypto';
import { canonicalJson, canonicalObject } from './canonical-json';
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
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part);
  return digest.digest();
}

/** An event's content hash, and its data and metadata as the canonical JSON it was taken over. */
export interface HashedParts {
  readonly hash: Buffer;
  /** Canonical JSON, and JSON all the same: a writer stores these very texts rather than serialize the data twice. */
  readonly data: string;
  readonly metadata: string;
}

/**
 * SHA-256 over the RFC 8785 canonical JSON of the content as JSON sees it, so the hash of what a writer appends
 * equals the hash of what a verifier reads back from jsonb.
 */
export function contentHash(content: HashedContent): Buffer {
  return hashedParts(content).hash;
}

/** The content hash, with the canonical texts of the data and metadata it was computed from. */
export function hashedParts(content: HashedContent): HashedParts {
  const data = canonicalJson(content.data);
  const metadata = canonicalJson(content.metadata);
  const text = canonicalObject({
    streamId: canonicalJson(content.streamId),
    streamType: canonicalJson(content.streamType),
    streamVersion: canonicalJson(content.streamVersion),
    eventId: canonicalJson(content.eventId),
    type: canonicalJson(content.type),
    schemaVersion: canonicalJson(content.schemaVersion),
    data,
    metadata,
    occurredOn: canonicalJson(content.occurredOn),
    unitCode: canonicalJson(content.unitCode),
  });
  return { hash: hash('sha256', text, 'buffer'), data: data ?? 'null', metadata: metadata ?? 'null' };
}

/**
 * The hash that chains an event to the one before it in its stream. Mirrors the events_chain_link trigger,
 * which computes it inside the INSERT (see the hash-chain migration); a verifier recomputes it here.
 */
export function linkHash(previousHash: Buffer | null, content: Buffer, place: StoredPlace): Buffer {
  return sha256(previousHash ?? Buffer.alloc(0), content, Buffer.from(`${place.position}|${place.recordedAtMicros}`, 'utf8'));
}
