import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMovementTables1763856000500 implements MigrationInterface {
  name = 'CreateMovementTables1763856000500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rm_movements (
        movement_id        uuid PRIMARY KEY,
        stream_id          text NOT NULL,
        unit_code          text NOT NULL,
        launcher_body      text NOT NULL,
        name               text NOT NULL,
        name_folded        text NOT NULL,
        kind               text NOT NULL,
        form               text NOT NULL,
        scope              text NOT NULL,
        launched_on        date NOT NULL,
        period_from        date NOT NULL,
        period_to          date,
        parent_movement_id uuid,
        status             text NOT NULL CHECK (status IN ('ACTIVE', 'CONCLUDED')),
        concluded_on       date
      )`);
    await db.query('CREATE INDEX rm_movements_unit ON rm_movements (unit_code, launched_on)');
    await db.query(`
      CREATE TABLE rm_movement_reviews (
        movement_id uuid NOT NULL REFERENCES rm_movements (movement_id),
        review_kind text NOT NULL,
        reviewed_on date NOT NULL,
        unit_code   text NOT NULL,
        PRIMARY KEY (movement_id, review_kind, reviewed_on)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE rm_movement_reviews');
    await db.query('DROP TABLE rm_movements');
  }
}
