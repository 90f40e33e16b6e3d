import { Client } from 'pg';
import { contentHash, EVENT_COLUMNS, EventRow, linkHash, toRecordedEvent } from '@civic/event-store';

/** A superuser's session on `databaseUrl` with the append-only triggers lifted, as an attacker with that access has. */
export async function asSuperuser<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SET session_replication_role = replica');
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The attack of issue #33: change an event's data, then recompute its content hash and the link hash of it and of
 * every later version of its stream with this project's own code, so that every hash the database holds is right.
 */
export async function rewriteWithRecomputedHashes(databaseUrl: string, streamId: string, version: number, data: Record<string, unknown>): Promise<void> {
  await asSuperuser(databaseUrl, async (client) => {
    const { rows } = await client.query<EventRow & { previous_hash: Buffer | null; recorded_micros: string }>(
      `SELECT ${EVENT_COLUMNS}, previous_hash, (extract(epoch FROM recorded_at) * 1000000)::bigint::text AS recorded_micros
       FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, version],
    );
    let previous = rows[0].previous_hash;
    for (const row of rows) {
      const recorded = toRecordedEvent(row);
      const content = contentHash(row.stream_version === version ? { ...recorded, data } : recorded);
      const link = linkHash(previous, content, { position: row.position, recordedAtMicros: row.recorded_micros });
      await client.query(
        `UPDATE events SET data = CASE WHEN stream_version = $5 THEN $6::jsonb ELSE data END, content_hash = $2, previous_hash = $3, event_hash = $4
         WHERE global_position = $1`,
        [row.position, content, previous, link, version, JSON.stringify(data)],
      );
      previous = link;
    }
  });
}
