import { CommendationGrantedData, upcastCommendationEvent } from '@civic/domain';
import { projectedVersionSql, SqlExecutor } from '../projection';

/** A grant in force, revoked (the legal act taking it back), or withdrawn as recorded in error. */
export type CommendationStatus = 'IN_FORCE' | 'REVOKED' | 'WITHDRAWN';

/** One commendation as recorded, every field of it in the current schema version, and where it stands. */
export interface CommendationRecord {
  readonly commendation: CommendationGrantedData;
  readonly status: CommendationStatus;
  readonly revocation: { readonly revokedOn: string; readonly reason: string } | null;
  readonly withdrawal: { readonly withdrawnOn: string; readonly reason: string } | null;
  /** The proposal (đề nghị) this grant answered, when its decision was recorded as the answer to one. */
  readonly answersProposal: string | null;
  /** The record's version (its stream's), for the ETag and for If-Match on a revocation or a withdrawal. */
  readonly version: number;
}

interface RecordRow {
  record: Record<string, unknown>;
  record_schema_version: number;
  revoked_on: string | null;
  revocation_reason: string | null;
  withdrawn_on: string | null;
  withdrawal_reason: string | null;
  answers_proposal: string | null;
  version: number;
}

export async function findCommendation(sql: SqlExecutor, commendationId: string): Promise<CommendationRecord | null> {
  const { rows } = await sql.query<RecordRow>(
    `SELECT c.record, c.record_schema_version, to_char(c.revoked_on, 'YYYY-MM-DD') AS revoked_on, c.revocation_reason,
            to_char(c.withdrawn_on, 'YYYY-MM-DD') AS withdrawn_on, c.withdrawal_reason,
            (SELECT p.proposal_id FROM rm_commendation_proposals p WHERE p.commendation_id = c.commendation_id LIMIT 1) AS answers_proposal,
            ${projectedVersionSql('commendations', 'c.stream_id')} AS version
     FROM rm_commendations c WHERE c.commendation_id = $1 AND c.record IS NOT NULL`,
    [commendationId],
  );
  const row = rows[0];
  if (!row) return null;
  // Read as the current version, as every reader of the log reads it.
  const granted = upcastCommendationEvent('CommendationGranted', row.record_schema_version, row.record);
  return {
    commendation: granted.data as CommendationGrantedData,
    status: row.withdrawn_on ? 'WITHDRAWN' : row.revoked_on ? 'REVOKED' : 'IN_FORCE',
    revocation: row.revoked_on ? { revokedOn: row.revoked_on, reason: row.revocation_reason ?? '' } : null,
    withdrawal: row.withdrawn_on ? { withdrawnOn: row.withdrawn_on, reason: row.withdrawal_reason ?? '' } : null,
    answersProposal: row.answers_proposal,
    version: row.version,
  };
}
