import { CommendationEvent, CommendationGrantedData, foldForSearch, Recipients, recipientCount, upcastCommendationEvent } from '@civic/domain';
import { RecordedEvent, sealedKeyIdOf } from '@civic/event-store';
import { Projection, ProjectionContext, SqlExecutor } from '../projection';
import { inStreamLayers, insertNewRows, JsonColumn } from '../batching';

/** The kinds of recipient whose count was approximate or a lower bound, with how. */
function inexactCounts(recipients: Recipients): Record<string, string> {
  return Object.fromEntries(Object.entries(recipients).flatMap(([kind, group]) => (group?.qualifier && group.qualifier !== 'EXACT' ? [[kind, group.qualifier]] : [])));
}

/**
 * The recipients' names recorded in clear, folded for search: collectives, and people named before sealing began.
 * Sealed names are searched in rm_personal_names (personal-names projection), from which an erasure deletes them.
 */
function clearNamesFolded(recipients: Recipients): string {
  return [recipients.collectives, recipients.individuals, recipients.households]
    .flatMap((group) => group?.names ?? [])
    .filter((name) => !sealedKeyIdOf(name))
    .map(foldForSearch)
    .join('\n');
}

/** New commendations, one statement for many; one already there (a redelivery) is left as it is. */
async function insertGranted(sql: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
  const rows = events.map((recorded) => {
    const c = upcastCommendationEvent(recorded.type, recorded.schemaVersion, recorded.data).data as CommendationGrantedData;
    return [
      c.commendationId,
      recorded.streamId,
      c.award.form ? 'FORM' : 'TITLE',
      c.award.form ?? c.award.title,
      c.commendationType,
      c.issuer.body,
      c.issuer.unitCode,
      [...new Set([c.issuer.unitCode, ...c.jointIssuers.map((j) => j.unitCode)])],
      c.grantedOn,
      c.forYear,
      recipientCount(c.recipients.collectives),
      recipientCount(c.recipients.individuals),
      recipientCount(c.recipients.households),
      clearNamesFolded(c.recipients),
      c.regime,
      new JsonColumn(c.jointIssuers),
      c.grantedOnPrecision,
      new JsonColumn(inexactCounts(c.recipients)),
      new JsonColumn(recorded.data),
      recorded.schemaVersion,
    ];
  });
  return insertNewRows(
    sql,
    'rm_commendations',
    'commendation_id',
    ['commendation_id', 'stream_id', 'award_kind', 'award', 'commendation_type', 'issuer_body', 'issuer_unit', 'grantor_units', 'granted_on', 'for_year',
      'collectives', 'individuals', 'households', 'recipient_names_folded', 'regime', 'joint_issuers', 'granted_on_precision', 'recipient_qualifiers',
      'record', 'record_schema_version'],
    rows,
  );
}

/** One row per commendation, with recipients counted by kind; a revocation or a withdrawal marks the row, never deletes it. */
export const commendationsProjection: Projection = {
  name: 'commendations',
  eventTypes: ['CommendationGranted', 'CommendationRevoked', 'CommendationRecordWithdrawn'],
  tables: ['rm_commendations'],

  async handle(events: readonly RecordedEvent[], { sql }: ProjectionContext) {
    await inStreamLayers(events, ['CommendationGranted'], (run) => insertGranted(sql, run), (event) => (event.type === 'CommendationRevoked' ? revoke(sql, event) : withdraw(sql, event)));
  },
};

/** A revocation marks the commendation's row with the date and the reason. */
async function revoke(sql: SqlExecutor, recorded: RecordedEvent): Promise<void> {
  const { data } = { type: recorded.type, data: recorded.data } as unknown as Extract<CommendationEvent, { type: 'CommendationRevoked' }>;
  await sql.query('UPDATE rm_commendations SET revoked_on = $2, revocation_reason = $3 WHERE commendation_id = $1', [data.commendationId, data.revokedOn, data.reason]);
}

/** A record withdrawn as made in error keeps its row, marked, so that no read counts or lists it. */
async function withdraw(sql: SqlExecutor, recorded: RecordedEvent): Promise<void> {
  const { data } = { type: recorded.type, data: recorded.data } as unknown as Extract<CommendationEvent, { type: 'CommendationRecordWithdrawn' }>;
  await sql.query('UPDATE rm_commendations SET withdrawn_on = $2, withdrawal_reason = $3 WHERE commendation_id = $1', [data.commendationId, data.withdrawnOn, data.reason]);
}
