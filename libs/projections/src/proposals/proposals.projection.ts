import { CommendationProposalEvent, upcastProposalEvent } from '@civic/domain';
import { RecordedEvent } from '@civic/event-store';
import { Projection, ProjectionContext, SqlExecutor } from '../projection';
import { inStreamLayers, insertNewRows, JsonColumn } from '../batching';

type Proposed = Extract<CommendationProposalEvent, { type: 'CommendationProposed' }>['data'];
type Decided = Extract<CommendationProposalEvent, { type: 'ProposalDecided' }>['data'];

/** New proposals, one statement for many; one already there (a redelivery) is left as it is. */
function insertProposed(sql: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
  const rows = events.map((recorded) => {
    const p = upcastProposalEvent(recorded.type, recorded.schemaVersion, recorded.data).data as Proposed;
    return [p.proposalId, recorded.streamId, p.proposer.body, p.proposer.unitCode, p.proposedTo.body, p.proposedTo.unitCode, p.proposedOn,
      p.award.form ?? p.award.title, p.award.form ? 'FORM' : 'TITLE', p.forYear, new JsonColumn(p.recipients), p.reason, p.meetingId, 'PROPOSED', p.proposedOnPrecision];
  });
  return insertNewRows(
    sql,
    'rm_commendation_proposals',
    'proposal_id',
    ['proposal_id', 'stream_id', 'proposer_body', 'proposer_unit', 'proposed_to_body', 'proposed_to_unit', 'proposed_on', 'award', 'award_kind', 'for_year',
      'recipients', 'reason', 'meeting_id', 'status', 'proposed_on_precision'],
    rows,
  );
}

/** The answer sets the status once; a redelivered answer writes the same values again. */
async function applyDecision(sql: SqlExecutor, recorded: RecordedEvent): Promise<void> {
  const d = recorded.data as unknown as Decided;
  await sql.query(
    `UPDATE rm_commendation_proposals SET status = $2, decided_on = $3, commendation_id = $4, decision_number = $5, refusal_reason = $6 WHERE proposal_id = $1`,
    [d.proposalId, d.outcome, d.decidedOn, d.commendationId, d.decisionNumber, d.reason],
  );
}

export const proposalsProjection: Projection = {
  name: 'commendation-proposals',
  eventTypes: ['CommendationProposed', 'ProposalDecided'],
  tables: ['rm_commendation_proposals'],

  async handle(events: readonly RecordedEvent[], { sql }: ProjectionContext) {
    await inStreamLayers(events, ['CommendationProposed'], (run) => insertProposed(sql, run), (event) => applyDecision(sql, event));
  },
};
