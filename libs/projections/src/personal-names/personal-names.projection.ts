import { foldForSearch, PersonalDataErased, upcastCommendationEvent } from '@civic/domain';
import { masterKeyFromEnv, PersonalDataKeys, PersonalDataOpener, personalValuesOf, RecordedEvent, sealedKeyIdOf } from '@civic/event-store';
import { Projection, ProjectionContext, SqlExecutor } from '../projection';

/**
 * The names of the people grants name, folded for the recipient search: one row per data key (docs/adr/0059), opened
 * in the batch's own transaction, so that an erasure deletes exactly its rows through this same projection. Never
 * snapshotted for time travel (the snapshots list their projections): a name erased is gone from every answer, of
 * any date. A rebuild, a dead letter's retry and the live projector need the master key.
 */
export const personalNamesProjection: Projection = {
  name: 'personal-names',
  eventTypes: ['CommendationGranted', 'PersonalDataErased'],
  tables: ['rm_personal_names'],

  async handle(events: readonly RecordedEvent[], { sql }: ProjectionContext) {
    // Each event touches other rows than the others (its keys), so the order within the batch does not matter.
    const granted = events.filter((event) => event.type === 'CommendationGranted');
    if (granted.length) await insertNames(sql, granted);
    for (const erased of events.filter((event) => event.type === 'PersonalDataErased')) await forget(sql, erased);
  },
};

async function insertNames(sql: SqlExecutor, granted: readonly RecordedEvent[]): Promise<void> {
  const grants = granted.map((recorded) => ({ ...recorded, data: upcastCommendationEvent(recorded.type, recorded.schemaVersion, recorded.data).data }));
  const named = await new PersonalDataOpener(new PersonalDataKeys(sql, masterKeyFromEnv()), 0).keptValues(grants);
  if (!named.length) return;
  const streamOfKey = new Map(grants.flatMap((grant) => personalValuesOf(grant.type, grant.data).flatMap((value) => sealedKeyIdOf(value) ?? []).map((keyId) => [keyId, grant.streamId] as const)));
  // Only while the key is kept, read under a share lock: an erasure committing meanwhile (it destroys the key in its
  // own batch) is waited for and then seen, so no row of an erased name is left behind by a race.
  await sql.query(
    `INSERT INTO rm_personal_names (key_id, stream_id, folded)
     SELECT n.key_id, n.stream_id, n.folded
     FROM unnest($1::uuid[], $2::text[], $3::text[]) AS n(key_id, stream_id, folded)
     WHERE EXISTS (SELECT 1 FROM personal_data_keys k WHERE k.key_id = n.key_id AND k.wrapped_key IS NOT NULL FOR SHARE)
     ON CONFLICT (key_id) DO NOTHING`,
    [named.map((n) => n.keyId), named.map((n) => streamOfKey.get(n.keyId)), named.map((n) => foldForSearch(n.text))],
  );
}

/**
 * An erasure deletes the names sealed with its keys, and destroys the keys if records-api was stopped before it could
 * (PersonalDataErasures): recorded is enough for the erasure to be done.
 */
async function forget(sql: SqlExecutor, recorded: RecordedEvent): Promise<void> {
  const { keyIds, erasureId } = recorded.data as unknown as PersonalDataErased['data'];
  await new PersonalDataKeys(sql, undefined).erase(keyIds, erasureId, { vacuum: false });
  await sql.query('DELETE FROM rm_personal_names WHERE key_id = ANY($1::uuid[])', [keyIds]);
}
