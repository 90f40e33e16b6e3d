import { Pool } from 'pg';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from '../row-mapping';
import { contentHash, linkHash } from '../../integrity/event-hash';

export type VerificationScope =
  | { readonly kind: 'stream'; readonly streamId: string }
  /** Every stream with at least one event recorded under the unit. */
  | { readonly kind: 'unit'; readonly unitCode: string }
  | { readonly kind: 'log' };

export type BrokenLinkProblem = 'content-altered' | 'link-altered' | 'chain-broken' | 'version-missing';

export interface BrokenLink {
  readonly problem: BrokenLinkProblem;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly position: string;
  readonly eventId: string;
  readonly explanation: string;
}

export interface VerificationReport {
  readonly intact: boolean;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  /** The first broken link in log order; verification stops there. */
  readonly firstBrokenLink: BrokenLink | null;
}

interface ChainRow extends EventRow {
  content_hash: Buffer;
  previous_hash: Buffer | null;
  event_hash: Buffer;
  recorded_micros: string;
}

const BATCH = 2000;

function scopeFilter(scope: VerificationScope, firstParameter: number): { sql: string; values: unknown[] } {
  const p = `$${firstParameter}`;
  if (scope.kind === 'stream') return { sql: `AND stream_id = ${p}`, values: [scope.streamId] };
  if (scope.kind === 'unit') return { sql: `AND stream_id IN (SELECT stream_id FROM events WHERE unit_code = ${p})`, values: [scope.unitCode] };
  return { sql: '', values: [] };
}

/**
 * Recomputes every hash of a scope from the stored rows and walks each stream's chain in log order. It trusts
 * nothing the database computed: the content hash and the link are recomputed here, independently of the
 * trigger that wrote them. Known limit: removing the newest events of a stream leaves a shorter, intact chain.
 */
export class ChainVerifier {
  constructor(private readonly pool: Pool) {}

  async count(scope: VerificationScope): Promise<number> {
    const filter = scopeFilter(scope, 1);
    const { rows } = await this.pool.query<{ count: string }>(`SELECT count(*)::text AS count FROM events WHERE true ${filter.sql}`, filter.values);
    return Number(rows[0].count);
  }

  async verify(scope: VerificationScope, onProgress?: (checked: number) => void): Promise<VerificationReport> {
    const heads = new Map<string, { version: number; hash: Buffer }>();
    const filter = scopeFilter(scope, 3);
    let after = '0';
    let checked = 0;
    for (;;) {
      const { rows } = await this.pool.query<ChainRow>(
        `SELECT ${EVENT_COLUMNS}, content_hash, previous_hash, event_hash,
                (extract(epoch FROM recorded_at) * 1000000)::bigint::text AS recorded_micros
         FROM events WHERE global_position > $1 ${filter.sql} ORDER BY global_position LIMIT $2`,
        [after, BATCH, ...filter.values],
      );
      if (!rows.length) break;
      for (const row of rows) {
        const broken = this.check(row, heads.get(row.stream_id));
        if (broken) return { intact: false, eventsChecked: checked, streamsChecked: heads.size, firstBrokenLink: broken };
        heads.set(row.stream_id, { version: row.stream_version, hash: row.event_hash });
        checked += 1;
      }
      after = rows[rows.length - 1].position;
      onProgress?.(checked);
    }
    return { intact: true, eventsChecked: checked, streamsChecked: heads.size, firstBrokenLink: null };
  }

  private check(row: ChainRow, head: { version: number; hash: Buffer } | undefined): BrokenLink | null {
    const at = { streamId: row.stream_id, streamVersion: row.stream_version, position: row.position, eventId: row.event_id };
    const expectedVersion = (head?.version ?? 0) + 1;
    if (row.stream_version !== expectedVersion) {
      return { ...at, problem: 'version-missing', explanation: `Version ${expectedVersion} of ${row.stream_id} is missing from the log: it was removed.` };
    }
    const content = contentHash(toRecordedEvent(row));
    if (!content.equals(row.content_hash)) {
      return { ...at, problem: 'content-altered', explanation: `The content of version ${row.stream_version} of ${row.stream_id} was changed after it was recorded.` };
    }
    const expectedPrevious = head?.hash ?? null;
    if (!(expectedPrevious === null ? row.previous_hash === null : row.previous_hash?.equals(expectedPrevious))) {
      return { ...at, problem: 'chain-broken', explanation: `Version ${row.stream_version} of ${row.stream_id} does not point to the version recorded before it.` };
    }
    const link = linkHash(row.previous_hash, content, { position: row.position, recordedAtMicros: row.recorded_micros });
    if (!link.equals(row.event_hash)) {
      return { ...at, problem: 'link-altered', explanation: `The position, recording time or hash of version ${row.stream_version} of ${row.stream_id} was changed.` };
    }
    return null;
  }
}
