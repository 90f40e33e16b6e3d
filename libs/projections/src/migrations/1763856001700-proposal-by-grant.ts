import { MigrationInterface, QueryRunner } from 'typeorm';

/** A grant read by its id names the proposal it answered: found by the grant, not by a scan of every proposal. */
export class ProposalByGrant1763856001700 implements MigrationInterface {
  name = 'ProposalByGrant1763856001700';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX rm_commendation_proposals_grant ON rm_commendation_proposals (commendation_id) WHERE commendation_id IS NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX rm_commendation_proposals_grant');
  }
}
