import { MigrationInterface, QueryRunner } from 'typeorm';

/** Proposals to commend (đề nghị) with where each stands: proposed, granted by a decision, or refused. */
export class CreateProposalTables1763856001300 implements MigrationInterface {
  name = 'CreateProposalTables1763856001300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rm_commendation_proposals (
        proposal_id       uuid PRIMARY KEY,
        stream_id         text NOT NULL,
        proposer_body     text NOT NULL,
        proposer_unit     text NOT NULL,
        proposed_to_body  text NOT NULL,
        proposed_to_unit  text NOT NULL,
        proposed_on       date NOT NULL,
        award             text NOT NULL,
        award_kind        text NOT NULL CHECK (award_kind IN ('FORM', 'TITLE')),
        for_year          int NOT NULL,
        recipients        jsonb NOT NULL,
        reason            text NOT NULL,
        meeting_id        uuid,
        status            text NOT NULL CHECK (status IN ('PROPOSED', 'GRANTED', 'REFUSED')),
        decided_on        date,
        commendation_id   uuid,
        decision_number   text,
        refusal_reason    text
      )`);
    // Either party's unit finds it: a ward lists what it proposed, a district what it was asked.
    await db.query('CREATE INDEX rm_commendation_proposals_proposer ON rm_commendation_proposals (proposer_unit, proposed_on)');
    await db.query('CREATE INDEX rm_commendation_proposals_addressee ON rm_commendation_proposals (proposed_to_unit, proposed_on)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE rm_commendation_proposals');
  }
}
