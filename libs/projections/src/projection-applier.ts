import { RecordedEvent } from '@civic/event-store';
import { Projection, SqlExecutor } from './projection';

/**
 * Applies events to every projection that wants them, each event at most once per projection: the relay
 * delivers at least once, so a stream version already applied is skipped. Streams are keyed to one partition,
 * so versions of one stream arrive in order.
 */
export class ProjectionApplier {
  constructor(private readonly projections: readonly Projection[]) {}

  async apply(sql: SqlExecutor, event: RecordedEvent): Promise<number> {
    let applied = 0;
    for (const projection of this.projections) {
      if (!projection.eventTypes.includes(event.type)) continue;
      const { rowCount } = await sql.query(
        `INSERT INTO projected_streams (projection, stream_id, stream_version, global_position)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (projection, stream_id) DO UPDATE
           SET stream_version = EXCLUDED.stream_version, global_position = EXCLUDED.global_position
           WHERE projected_streams.stream_version < EXCLUDED.stream_version`,
        [projection.name, event.streamId, event.streamVersion, event.position],
      );
      if (rowCount === 1) {
        await projection.apply(sql, event);
        applied += 1;
      }
    }
    return applied;
  }
}
