import { EmulationMovementLaunchedData } from '@civic/domain';
import { projectedVersionSql, SqlExecutor } from '../projection';

/** A review of a movement (sơ kết, tổng kết), as recorded. */
export interface MovementReviewRecord {
  readonly reviewKind: string;
  readonly reviewedOn: string;
  readonly meetingId: string | null;
  readonly findings: string | null;
  readonly unitCode: string;
}

/** One emulation movement as launched, every field of it, with its reviews and where it stands. */
export interface MovementRecord {
  readonly movement: EmulationMovementLaunchedData;
  /** ACTIVE, or CONCLUDED by its final review (tổng kết). */
  readonly status: string;
  readonly concludedOn: string | null;
  /** Oldest first. */
  readonly reviews: readonly MovementReviewRecord[];
  /** The record's version (its stream's), for the ETag. */
  readonly version: number;
}

export async function findMovement(sql: SqlExecutor, movementId: string): Promise<MovementRecord | null> {
  const { rows } = await sql.query<{ record: EmulationMovementLaunchedData; status: string; concluded_on: string | null; reviews: MovementReviewRecord[]; version: number }>(
    `SELECT m.record, m.status, to_char(m.concluded_on, 'YYYY-MM-DD') AS concluded_on,
            coalesce((SELECT json_agg(json_build_object('reviewKind', r.review_kind, 'reviewedOn', to_char(r.reviewed_on, 'YYYY-MM-DD'),
                                                        'meetingId', r.meeting_id, 'findings', r.findings, 'unitCode', r.unit_code)
                                      ORDER BY r.reviewed_on, r.review_kind)
                      FROM rm_movement_reviews r WHERE r.movement_id = m.movement_id), '[]') AS reviews,
            ${projectedVersionSql('emulation-movements', 'm.stream_id')} AS version
     FROM rm_movements m WHERE m.movement_id = $1 AND m.record IS NOT NULL`,
    [movementId],
  );
  const row = rows[0];
  if (!row) return null;
  // Schema version 1 is the only one so far: the record is read as written.
  return { movement: row.record, status: row.status, concludedOn: row.concluded_on, reviews: row.reviews, version: row.version };
}
