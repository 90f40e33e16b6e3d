import { MigrationInterface, QueryRunner } from 'typeorm';
import { foldForSearch } from '@civic/domain';
import { sealedKeyIdOf } from '@civic/event-store';

const FOLD_BATCH = 10_000;

/**
 * The names of people a grant names, folded for the recipient search, move out of rm_commendations into a table of
 * their own, one row per data key (docs/adr/0059): an erasure deletes its rows, and the time-travel snapshots, which
 * copy rm_commendations, never hold a name. rm_commendations keeps only names recorded in clear (collectives, and
 * people named before sealing began). The new table is filled by `civic rebuild --projection personal-names`, which
 * opens the names with the master key the migration does not have.
 */
export class PersonalNames1763856002300 implements MigrationInterface {
  name = 'PersonalNames1763856002300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rm_personal_names (
        key_id uuid PRIMARY KEY,
        stream_id text NOT NULL,
        folded text NOT NULL
      )`);
    await db.query('CREATE INDEX rm_personal_names_stream ON rm_personal_names (stream_id)');
    await foldClearNames(db);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE rm_personal_names');
  }
}

type Recipients = Record<string, { names?: string[] } | undefined>;

async function foldClearNames(db: QueryRunner): Promise<void> {
  for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
    const rows: { commendation_id: string; recipients: Recipients | null }[] = await db.query(
      `SELECT commendation_id, record -> 'recipients' AS recipients FROM rm_commendations WHERE commendation_id > $1 ORDER BY commendation_id LIMIT $2`,
      [after, FOLD_BATCH],
    );
    if (!rows.length) return;
    const folded = rows.map(({ recipients }) =>
      Object.values(recipients ?? {})
        .flatMap((group) => group?.names ?? [])
        .filter((name) => !sealedKeyIdOf(name))
        .map(foldForSearch)
        .join('\n'),
    );
    await db.query(
      `UPDATE rm_commendations c SET recipient_names_folded = f.folded FROM unnest($1::uuid[], $2::text[]) AS f(id, folded) WHERE c.commendation_id = f.id`,
      [rows.map((r) => r.commendation_id), folded],
    );
    after = rows[rows.length - 1].commendation_id;
  }
}
