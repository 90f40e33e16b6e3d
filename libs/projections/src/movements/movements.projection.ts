import { foldForSearch, MovementEvent } from '@civic/domain';
import { RecordedEvent } from '@civic/event-store';
import { Projection, ProjectionContext, SqlExecutor } from '../projection';
import { inStreamLayers, insertNewRows, JsonColumn } from '../batching';

/** New movements, one statement for many; one already there (a redelivery) is left as it is. */
function insertLaunched(sql: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
  const rows = events.map((recorded) => {
    const m = (recorded.data as unknown as Extract<MovementEvent, { type: 'EmulationMovementLaunched' }>['data']);
    return [m.movementId, recorded.streamId, m.launchedBy.unitCode, m.launchedBy.body, m.name, foldForSearch(m.name), m.kind, m.form, m.scope,
      m.launchedOn, m.period.from, m.period.to, m.parentMovementId, 'ACTIVE', new JsonColumn(recorded.data), recorded.schemaVersion];
  });
  return insertNewRows(
    sql,
    'rm_movements',
    'movement_id',
    ['movement_id', 'stream_id', 'unit_code', 'launcher_body', 'name', 'name_folded', 'kind', 'form', 'scope', 'launched_on', 'period_from', 'period_to',
      'parent_movement_id', 'status', 'record', 'record_schema_version'],
    rows,
  );
}

export const movementsProjection: Projection = {
  name: 'emulation-movements',
  eventTypes: ['EmulationMovementLaunched', 'EmulationMovementReviewed'],
  tables: ['rm_movements', 'rm_movement_reviews'],
  // A review is an event of its movement's stream.
  streamOfRow: { rm_movement_reviews: '(SELECT m.stream_id FROM rm_movements m WHERE m.movement_id = t.movement_id)' },

  async handle(events: readonly RecordedEvent[], { sql }: ProjectionContext) {
    await inStreamLayers(events, ['EmulationMovementLaunched'], (run) => insertLaunched(sql, run), (event) => insertReview(sql, event));
  },
};

/** A review is a row of its own; the final one (tổng kết) concludes the movement. */
async function insertReview(sql: SqlExecutor, recorded: RecordedEvent): Promise<void> {
  const r = (recorded.data as unknown as Extract<MovementEvent, { type: 'EmulationMovementReviewed' }>['data']);
  await sql.query(
    `INSERT INTO rm_movement_reviews (movement_id, review_kind, reviewed_on, unit_code, meeting_id, findings) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [r.movementId, r.reviewKind, r.reviewedOn, r.unitCode, r.meetingId, r.findings],
  );
  if (r.reviewKind === 'TONG_KET') {
    await sql.query(`UPDATE rm_movements SET status = 'CONCLUDED', concluded_on = $2 WHERE movement_id = $1`, [r.movementId, r.reviewedOn]);
  }
}
