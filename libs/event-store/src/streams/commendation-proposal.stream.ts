import { COMMENDATION_PROPOSAL_EVENT_SCHEMA_VERSIONS, COMMENDATION_PROPOSAL_STREAM_TYPE, CommendationProposalEvent, upcastProposalEvent } from '@civic/domain';
import { StreamDefinition } from '../command-processor';

export const commendationProposalStream: StreamDefinition<CommendationProposalEvent> = {
  streamType: COMMENDATION_PROPOSAL_STREAM_TYPE,
  schemaVersionOf: (type) => COMMENDATION_PROPOSAL_EVENT_SCHEMA_VERSIONS[type],
  placeOf: (event) =>
    event.type === 'CommendationProposed'
      ? { occurredOn: event.data.proposedOn, unitCode: event.data.proposer.unitCode }
      : { occurredOn: event.data.decidedOn, unitCode: event.data.decidedBy.unitCode },
  fromRecorded: (event) => upcastProposalEvent(event.type, event.schemaVersion, event.data),
};
