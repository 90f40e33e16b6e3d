import { createHash, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import {
  ADMIN_UNIT_EVENT_SCHEMA_VERSIONS,
  ADMIN_UNIT_STREAM_TYPE,
  AdminUnitEvent,
  adminUnitStreamId,
  CivicDate,
  CrosswalkEdge,
  effectiveDateOf,
  ListedUnit,
  NewCommune,
  NewProvince,
  planListImport,
  planReform,
  ProvinceMerge,
  UNIT_REGISTRY_STREAM_ID,
  UnitListImported,
  UnitSource,
  KnownSuccession,
  ResolutionDating,
} from '@civic/domain';
import { AppendRequest, EventContract, EventMetadata, PostgresEventStore } from '@civic/event-store';
import { ProjectionRunner, adminUnitsProjection } from '@civic/projections';
import { UnitRegistryReader } from '@civic/admin-units';

export interface ImportReport {
  readonly list: string;
  readonly counts: UnitListImported['data']['counts'];
  readonly events: number;
  /** True when the list changed nothing (already imported). */
  readonly unchanged: boolean;
}

export type Progress = (done: number, total: number) => void;

const REGISTRY_LOCK = 'civic-records:unit-registry-import';
/** Events applied to the read model per statement batch while a list is imported. */
const APPLY_SLICE = 1_000;
/** The unit_code of registry-wide events (an import covers the whole country, which has no unit code). */
export const NATIONAL_SCOPE = 'VN';

/**
 * Imports official lists into the registry's event streams. A list is parsed and checked whole before anything
 * is written; its events, the import record and the registry read model are written in one transaction, so a
 * list is either in the registry entirely or not at all, and the registry can be queried as soon as it returns.
 * The Kafka projector later sees those stream versions already applied and skips them.
 */
export class UnitRegistryImporter {
  private readonly store: PostgresEventStore;
  private readonly runner = new ProjectionRunner([adminUnitsProjection]);

  constructor(
    private readonly pool: Pool,
    private readonly actor: EventMetadata['actor'],
    /** The published contract every registry event is checked against before it is written. */
    contract: EventContract,
  ) {
    this.store = new PostgresEventStore(pool, contract);
  }

  async importList(
    listed: readonly ListedUnit[],
    options: {
      list: string;
      content: string;
      effectiveFrom: CivicDate;
      knownSince: CivicDate;
      legalBasis?: string;
      resolutions?: readonly ResolutionDating[];
      successions?: readonly KnownSuccession[];
    },
    progress?: Progress,
  ): Promise<ImportReport> {
    const source: UnitSource = { list: options.list, ...(options.legalBasis ? { legalBasis: options.legalBasis } : {}) };
    const { effectiveFrom, knownSince, resolutions, successions } = options;
    return this.write(options, progress, (latest) => planListImport(latest, listed, { effectiveFrom, knownSince, source, resolutions, successions }).events);
  }

  async importReform(
    lists: { provinces: readonly NewProvince[]; merges: readonly ProvinceMerge[]; edges: readonly CrosswalkEdge[]; communes?: readonly NewCommune[] },
    options: { list: string; content: string; effectiveFrom: CivicDate; legalBasis: string },
    progress?: Progress,
  ): Promise<ImportReport> {
    const source: UnitSource = { list: options.list, legalBasis: options.legalBasis };
    return this.write(options, progress, (latest) => planReform(latest, lists, { effectiveFrom: options.effectiveFrom, source }));
  }

  private async write(
    options: { list: string; content: string; effectiveFrom: CivicDate },
    progress: Progress | undefined,
    plan: (latest: Awaited<ReturnType<UnitRegistryReader['latestVersions']>>) => readonly AdminUnitEvent[],
  ): Promise<ImportReport> {
    const lock = await this.pool.connect();
    try {
      // One import at a time: each is planned against the registry the previous one left.
      await lock.query('SELECT pg_advisory_lock(hashtext($1))', [REGISTRY_LOCK]);
      const empty = { UnitEstablished: 0, UnitChanged: 0, UnitDissolved: 0, UnitSucceeded: 0 };
      if (await this.alreadyImported(sha256(options.content))) return { list: options.list, counts: empty, events: 0, unchanged: true };
      const events = plan(await new UnitRegistryReader(this.pool).latestVersions());
      const counts = countByType(events);
      if (!events.length) return { list: options.list, counts, events: 0, unchanged: true };

      const metadata = this.metadata();
      const requests = await this.requestsFor(events, metadata);
      const record: UnitListImported = {
        type: 'UnitListImported',
        data: { list: options.list, contentHash: sha256(options.content), effectiveFrom: options.effectiveFrom, counts },
      };
      const registryVersion = await this.store.streamVersion(UNIT_REGISTRY_STREAM_ID);
      requests.push({
        streamId: UNIT_REGISTRY_STREAM_ID,
        streamType: ADMIN_UNIT_STREAM_TYPE,
        expectedVersion: registryVersion,
        events: [this.newEvent(record, metadata, options.effectiveFrom, NATIONAL_SCOPE)],
      });
      await this.store.appendToStreams(requests, async (sql, recorded) => {
        // In slices, each with one bookkeeping statement and the new versions inserted together (applyAll): event
        // by event, the 33,000 events of the official lists took 50 s, a round trip or three each.
        for (let start = 0; start < recorded.length; start += APPLY_SLICE) {
          progress?.(start, recorded.length);
          await this.runner.apply(sql, recorded.slice(start, start + APPLY_SLICE));
        }
        progress?.(recorded.length, recorded.length);
      });
      return { list: options.list, counts, events: events.length, unchanged: false };
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [REGISTRY_LOCK]).catch(() => undefined);
      lock.release();
    }
  }

  private async requestsFor(events: readonly AdminUnitEvent[], metadata: EventMetadata): Promise<AppendRequest[]> {
    const byStream = new Map<string, AdminUnitEvent[]>();
    for (const event of events) {
      const streamId = adminUnitStreamId(event.data.code);
      const list = byStream.get(streamId);
      if (list) list.push(event);
      else byStream.set(streamId, [event]);
    }
    const { rows } = await this.pool.query<{ stream_id: string; version: number }>(
      'SELECT stream_id, max(stream_version) AS version FROM events WHERE stream_id = ANY($1) GROUP BY stream_id',
      [[...byStream.keys()]],
    );
    const versions = new Map(rows.map((r) => [r.stream_id, r.version]));
    return [...byStream].map(([streamId, streamEvents]) => ({
      streamId,
      streamType: ADMIN_UNIT_STREAM_TYPE,
      expectedVersion: versions.get(streamId) ?? 0,
      events: streamEvents.map((event) => this.newEvent(event, metadata, effectiveDateOf(event), event.data.code)),
    }));
  }

  private async alreadyImported(contentHash: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `SELECT 1 FROM events WHERE stream_id = $1 AND event_type = 'UnitListImported' AND data->>'contentHash' = $2`,
      [UNIT_REGISTRY_STREAM_ID, contentHash],
    );
    return (rowCount ?? 0) > 0;
  }

  private newEvent(event: AdminUnitEvent | UnitListImported, metadata: EventMetadata, occurredOn: CivicDate, unitCode: string) {
    return {
      eventId: randomUUID(),
      type: event.type,
      schemaVersion: ADMIN_UNIT_EVENT_SCHEMA_VERSIONS[event.type],
      data: event.data as unknown as Record<string, unknown>,
      metadata,
      occurredOn,
      unitCode,
    };
  }

  private metadata(): EventMetadata {
    const commandId = randomUUID();
    return { actor: this.actor, correlationId: commandId, causationId: commandId, commandId };
  }
}

function countByType(events: readonly AdminUnitEvent[]): UnitListImported['data']['counts'] {
  const counts = { UnitEstablished: 0, UnitChanged: 0, UnitDissolved: 0, UnitSucceeded: 0 };
  for (const event of events) counts[event.type] += 1;
  return counts;
}

function sha256(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}
