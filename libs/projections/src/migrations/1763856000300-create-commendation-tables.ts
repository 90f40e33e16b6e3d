import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCommendationTables1763856000300 implements MigrationInterface {
  name = 'CreateCommendationTables1763856000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rm_commendations (
        commendation_id   uuid PRIMARY KEY,
        stream_id         text NOT NULL,
        award_kind        text NOT NULL CHECK (award_kind IN ('FORM', 'TITLE')),
        award             text NOT NULL,
        commendation_type text NOT NULL,
        issuer_body       text NOT NULL,
        issuer_unit       text NOT NULL,
        -- the issuer's unit and every joint issuer's: a unit's summary counts what its bodies granted
        grantor_units     text[] NOT NULL,
        granted_on        date NOT NULL,
        for_year          int  NOT NULL,
        collectives       int  NOT NULL,
        individuals       int  NOT NULL,
        households        int  NOT NULL,
        recipient_names_folded text NOT NULL,
        regime            text NOT NULL,
        revoked_on        date,
        revocation_reason text
      )`);
    await db.query('CREATE INDEX rm_commendations_grantors ON rm_commendations USING gin (grantor_units)');
    await db.query('CREATE INDEX rm_commendations_year ON rm_commendations (for_year)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE rm_commendations');
  }
}
