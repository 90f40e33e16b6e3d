import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The award reservations a grant took, found by the grant's id: a revocation must release those of a recipient
 * whose name was erased, and their stream ids are digests of the name (docs/adr/0059). Partial: reservations only.
 */
export class ReservationsByGrant1763856002500 implements MigrationInterface {
  name = 'ReservationsByGrant1763856002500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX events_reservations_by_grant ON events ((data ->> 'commendationId')) WHERE stream_type = 'award-reservation'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX events_reservations_by_grant');
  }
}
