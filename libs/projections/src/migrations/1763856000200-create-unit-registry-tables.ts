import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUnitRegistryTables1763856000200 implements MigrationInterface {
  name = 'CreateUnitRegistryTables1763856000200';

  async up(db: QueryRunner): Promise<void> {
    // One row per version of a unit. valid_from NULL: since before the registry's first list.
    await db.query(`
      CREATE TABLE rm_unit_versions (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        code         text NOT NULL,
        level        text NOT NULL,
        name         text NOT NULL,
        name_folded  text NOT NULL,
        type         text NOT NULL,
        parent_code  text,
        valid_from   date,
        valid_to     date,
        known_since  date NOT NULL,
        CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
      )`);
    await db.query('CREATE UNIQUE INDEX rm_unit_versions_one_open ON rm_unit_versions (code) WHERE valid_to IS NULL');
    await db.query('CREATE INDEX rm_unit_versions_code ON rm_unit_versions (code, valid_from)');
    await db.query('CREATE INDEX rm_unit_versions_parent ON rm_unit_versions (parent_code)');
    await db.query('CREATE INDEX rm_unit_versions_name ON rm_unit_versions (name_folded text_pattern_ops)');
    await db.query(`
      CREATE TABLE rm_unit_successions (
        predecessor_code text NOT NULL,
        successor_code   text NOT NULL,
        coverage         text NOT NULL CHECK (coverage IN ('FULL', 'PARTIAL')),
        effective_from   date NOT NULL,
        PRIMARY KEY (predecessor_code, successor_code, effective_from)
      )`);
    await db.query('CREATE INDEX rm_unit_successions_successor ON rm_unit_successions (successor_code, effective_from)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE rm_unit_successions');
    await db.query('DROP TABLE rm_unit_versions');
  }
}
