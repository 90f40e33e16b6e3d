import { KeyObject } from 'node:crypto';
import { Pool } from 'pg';
import { LogCheckpoint } from '../../event-log';
import { AnchoredEvent, anchorDigest, anchorSignatureIsValid, LogAnchor, SignedLogAnchor } from '../../integrity/log-anchor';
import { canonicalJson } from '../../integrity/canonical-json';

export type AnchorProblemKind = 'anchor-forged' | 'anchor-missing' | 'anchors-disagree' | 'event-rewritten' | 'event-removed' | 'event-added';

export interface AnchorProblem {
  readonly kind: AnchorProblemKind;
  /** The anchor that shows it. */
  readonly sequence: number;
  /** The event it concerns, when it concerns one. */
  readonly event?: { readonly position: string; readonly eventId: string; readonly streamId: string; readonly streamVersion: number };
  readonly explanation: string;
}

export interface AnchorReport {
  readonly intact: boolean;
  readonly anchorsChecked: number;
  readonly eventsChecked: number;
  /** How far the signed anchors reach; events after it are not yet anchored. */
  readonly anchoredUpTo: LogCheckpoint | null;
  readonly notYetAnchored: number;
  /** Every problem found, in log order, up to MAX_PROBLEMS. */
  readonly problems: readonly AnchorProblem[];
}

/** One record checked against the anchors that list its events. */
export interface StreamAnchorReport {
  readonly intact: boolean;
  readonly anchorsChecked: number;
  /** The record's events that anchors vouch for. */
  readonly eventsAnchored: number;
  /** The record's events recorded after the last anchor. */
  readonly notYetAnchored: number;
  readonly problems: readonly AnchorProblem[];
}

const MAX_PROBLEMS = 1000;

interface LogRow {
  position: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  event_hash: string;
}

/** Two signings of the same range (a crash between publishing and storing) agree on all but the time and signature. */
function rangeOf(anchor: LogAnchor): string {
  return canonicalJson({ previous: anchor.previous, after: anchor.after, upTo: anchor.upTo, events: anchor.events })!;
}

/**
 * Checks the log against signed anchors kept outside the database (the anchor file, the Kafka topic) or inside it.
 * Every hash the database holds could have been recomputed by someone with write access and this project's code;
 * the anchors' hashes could not, without the signing key. So an event whose row no longer holds the hash an anchor
 * signed was rewritten, one an anchor lists but the log lacks was removed, and one the log holds in an anchored
 * range but no anchor lists was added — each named, with its position, stream and version.
 */
export class AnchorVerifier {
  constructor(private readonly pool: Pool) {}

  async verify(anchors: readonly SignedLogAnchor[], trusted: ReadonlyMap<string, KeyObject>): Promise<AnchorReport> {
    const problems: AnchorProblem[] = [];
    const report = (problem: AnchorProblem) => problems.length < MAX_PROBLEMS && problems.push(problem);
    const bySequence = new Map<number, LogAnchor[]>();
    for (const signed of anchors) {
      const sequence = Number(signed.anchor?.sequence);
      if (!anchorSignatureIsValid(signed, trusted)) {
        report(forged(signed));
        continue;
      }
      bySequence.set(sequence, [...(bySequence.get(sequence) ?? []), signed.anchor]);
    }

    const last = Math.max(0, ...bySequence.keys());
    let eventsChecked = 0;
    let previous: LogAnchor[] = [];
    for (let sequence = 1; sequence <= last; sequence += 1) {
      const twins = bySequence.get(sequence);
      if (!twins) {
        report({ kind: 'anchor-missing', sequence, explanation: `Anchor ${sequence} is missing from the anchors given: the events it covered cannot be checked, and it may have been removed.` });
        previous = [];
        continue;
      }
      const anchor = twins[0];
      if (twins.some((twin) => rangeOf(twin) !== rangeOf(anchor))) {
        report({ kind: 'anchors-disagree', sequence, explanation: `Two validly signed anchors numbered ${sequence} state different events: the signing key made both, so it must be looked at.` });
      }
      if (previous.length && !previous.some((before) => anchor.previous === anchorDigest(before) && canonicalJson(before.upTo) === canonicalJson(anchor.after))) {
        report({ kind: 'anchors-disagree', sequence, explanation: `Anchor ${sequence} does not follow the anchor numbered ${sequence - 1} given here.` });
      }
      eventsChecked += await this.checkRange(anchor, report);
      previous = twins;
    }

    const anchoredUpTo = last ? bySequence.get(last)![0].upTo : null;
    return { intact: problems.length === 0, anchorsChecked: last, eventsChecked, anchoredUpTo, notYetAnchored: await this.countAfter(anchoredUpTo), problems };
  }

  /**
   * One record against the anchors the database lists for it (log_anchored_streams), with the trusted keys: each of
   * its events an anchor signed must hold the signed hash, and each of its events up to the last anchor must be
   * listed by one. Anchors kept in the database can be removed by whoever can rewrite it, so this check can miss a
   * removal the full check against a shipped copy (`verify --anchors`) finds; it never calls a rewrite intact.
   */
  async verifyStream(streamId: string, trusted: ReadonlyMap<string, KeyObject>): Promise<StreamAnchorReport> {
    const problems: AnchorProblem[] = [];
    const report = (problem: AnchorProblem) => problems.length < MAX_PROBLEMS && problems.push(problem);
    const { rows: anchors } = await this.pool.query<{ signed: SignedLogAnchor }>(
      `SELECT a.signed FROM log_anchored_streams s JOIN log_anchors a USING (sequence) WHERE s.stream_id = $1 ORDER BY a.sequence`,
      [streamId],
    );
    const listed = new Set<string>();
    let eventsAnchored = 0;
    for (const { signed } of anchors) {
      if (!anchorSignatureIsValid(signed, trusted)) {
        report(forged(signed));
        continue;
      }
      eventsAnchored += await this.checkRange(signed.anchor, report, streamId);
      for (const event of signed.anchor.events) if (event.streamId === streamId) listed.add(event.position);
    }
    const { rows: last } = await this.pool.query<{ up_to_transaction: string; up_to_position: string; sequence: string }>(
      'SELECT up_to_transaction::text, up_to_position::text, sequence::text FROM log_anchors ORDER BY sequence DESC LIMIT 1',
    );
    const upTo = last[0] ? { transactionId: last[0].up_to_transaction, position: last[0].up_to_position } : { transactionId: '0', position: '0' };
    const { rows: events } = await this.pool.query<LogRow & { anchored: boolean }>(
      `SELECT global_position::text AS position, event_id, stream_id, stream_version, encode(event_hash, 'hex') AS event_hash,
              (transaction_id, global_position) <= ($2::xid8, $3::bigint) AS anchored
       FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [streamId, upTo.transactionId, upTo.position],
    );
    const named = new Set(problems.flatMap((problem) => (problem.event ? [problem.event.position] : [])));
    for (const row of events.filter((event) => event.anchored && !listed.has(event.position) && !named.has(event.position))) {
      const event = { position: row.position, eventId: row.event_id, streamId: row.stream_id, streamVersion: row.stream_version, eventHash: row.event_hash };
      report({ kind: 'event-added', sequence: Number(last[0].sequence), event: identity(event), explanation: `${describe(event)} was recorded before the last anchor, yet no anchor of this record lists it: it was added afterwards, or its anchor removed.` });
    }
    return { intact: problems.length === 0, anchorsChecked: anchors.length, eventsAnchored, notYetAnchored: events.filter((event) => !event.anchored).length, problems };
  }

  /** Compares the rows of one anchored range (of one stream, when given) with what the anchor signed; answers how many it signed. */
  private async checkRange(anchor: LogAnchor, report: (problem: AnchorProblem) => void, streamId?: string): Promise<number> {
    const { rows } = await this.pool.query<LogRow>(
      `SELECT global_position::text AS position, event_id, stream_id, stream_version, encode(event_hash, 'hex') AS event_hash
       FROM events
       WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) AND (transaction_id, global_position) <= ($3::xid8, $4::bigint)
         AND ($5::text IS NULL OR stream_id = $5)
       ORDER BY transaction_id, global_position`,
      [anchor.after.transactionId, anchor.after.position, anchor.upTo.transactionId, anchor.upTo.position, streamId ?? null],
    );
    const inLog = new Map(rows.map((row) => [row.position, row]));
    const signed = new Set<string>();
    const relevant = anchor.events.filter((listed) => streamId === undefined || listed.streamId === streamId);
    for (const event of relevant) {
      signed.add(event.position);
      const row = inLog.get(event.position);
      const named = describe(event);
      if (!row) {
        report({ kind: 'event-removed', sequence: anchor.sequence, event: identity(event), explanation: `${named} was removed from the log after anchor ${anchor.sequence} signed it.` });
      } else if (row.event_hash !== event.eventHash || row.event_id !== event.eventId || row.stream_id !== event.streamId || row.stream_version !== event.streamVersion) {
        report({ kind: 'event-rewritten', sequence: anchor.sequence, event: identity(event), explanation: `${named} no longer holds the hash anchor ${anchor.sequence} signed: it was rewritten after it was recorded, its hashes recomputed to hide it.` });
      }
    }
    for (const row of rows) {
      if (signed.has(row.position)) continue;
      const event = { position: row.position, eventId: row.event_id, streamId: row.stream_id, streamVersion: row.stream_version, eventHash: row.event_hash };
      report({ kind: 'event-added', sequence: anchor.sequence, event: identity(event), explanation: `${describe(event)} lies in the range anchor ${anchor.sequence} signed, which did not list it: it was added afterwards.` });
    }
    return relevant.length;
  }

  private async countAfter(checkpoint: LogCheckpoint | null): Promise<number> {
    const after = checkpoint ?? { transactionId: '0', position: '0' };
    const { rows } = await this.pool.query<{ count: string }>(
      'SELECT count(*)::text AS count FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)',
      [after.transactionId, after.position],
    );
    return Number(rows[0].count);
  }
}

function forged(signed: SignedLogAnchor): AnchorProblem {
  const sequence = Number(signed.anchor?.sequence);
  return { kind: 'anchor-forged', sequence, explanation: `Anchor ${sequence} does not carry a valid signature of a trusted key (key ${signed.anchor?.keyId}): it was altered or made elsewhere, and is not relied on.` };
}

function identity({ position, eventId, streamId, streamVersion }: AnchoredEvent) {
  return { position, eventId, streamId, streamVersion };
}

function describe(event: AnchoredEvent): string {
  return `Version ${event.streamVersion} of ${event.streamId} (event ${event.eventId}, position ${event.position})`;
}
