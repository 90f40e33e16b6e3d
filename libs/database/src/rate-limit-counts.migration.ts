import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each API instance's request counts per caller and rate-limit window, so every instance counts the others' too
 * (SharedWindowCounts). Unlogged: the counts live a minute or two and need not survive a crash of the database.
 */
export class RateLimitCounts1763856001900 implements MigrationInterface {
  name = 'RateLimitCounts1763856001900';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE rate_limit_counts (
        caller text NOT NULL,
        window_start bigint NOT NULL,
        instance text NOT NULL,
        hits integer NOT NULL,
        PRIMARY KEY (caller, window_start, instance)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE rate_limit_counts');
  }
}
