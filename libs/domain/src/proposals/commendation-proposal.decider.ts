import { checkDatePrecision } from '../shared/vague-facts';
import { assertNever, Decider } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import { CIVIC_BODIES } from '../shared/civic-body';
import { unitOfExistingBody } from '../shared/unit-not-in-force';
import { UnitsOnDate } from '../shared/unit-context';
import { awardName } from '../commendations/commendation-vocabulary';
import { BodyOfUnit, recipientCount } from '../commendations/commendation.events';
import { authorityOf } from '../commendations/granting-authority';
import { regimeOn } from '../commendations/legal-regime';
import { CommendationProposalCommand, DecideProposal, ProposeCommendation } from './commendation-proposal.commands';
import { CommendationProposalEvent, CommendationProposedData, ProposalDecidedData, ProposalOutcome } from './commendation-proposal.events';

export type CommendationProposalState =
  | { readonly status: 'NOT_PROPOSED' }
  | { readonly status: 'PROPOSED'; readonly proposal: CommendationProposedData }
  | { readonly status: 'DECIDED'; readonly proposal: CommendationProposedData; readonly outcome: ProposalOutcome };

/** A proposal to commend, and the decision that answers it (granted by a grant on record, or refused). */
export const commendationProposalDecider: Decider<CommendationProposalCommand, CommendationProposalEvent, CommendationProposalState> = {
  initialState: () => ({ status: 'NOT_PROPOSED' }),

  decide(command, state) {
    switch (command.type) {
      case 'ProposeCommendation':
        return propose(command, state);
      case 'DecideProposal':
        return decideProposal(command, state);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CommendationProposed':
        return { status: 'PROPOSED', proposal: event.data };
      case 'ProposalDecided':
        return state.status === 'NOT_PROPOSED' ? state : { status: 'DECIDED', proposal: state.proposal, outcome: event.data.outcome };
      default:
        return assertNever(event);
    }
  },
};

function propose(command: ProposeCommendation, state: CommendationProposalState): CommendationProposalEvent[] {
  const proposal = command.data;
  if (state.status !== 'NOT_PROPOSED') throw new DomainRuleViolation('PROPOSAL.ALREADY_RECORDED', 'This proposal has already been recorded.');
  if (proposal.proposedOn > command.metadata.receivedOn) {
    throw new DomainRuleViolation('PROPOSAL.PROPOSED_IN_FUTURE', `A proposal is recorded once made; ${proposal.proposedOn} is after today.`, { field: 'proposedOn' });
  }
  checkDatePrecision(proposal.proposedOn, proposal.proposedOnPrecision, 'proposedOn', 'PROPOSAL.MONTH_NOT_FIRST_DAY');
  if (proposal.forYear > Number(proposal.proposedOn.slice(0, 4))) {
    throw new DomainRuleViolation('PROPOSAL.ACHIEVEMENT_AFTER_PROPOSAL', `An achievement of ${proposal.forYear} cannot be proposed for commendation on ${proposal.proposedOn}.`, { field: 'forYear' });
  }
  if (proposal.proposer.body === proposal.proposedTo.body && proposal.proposer.unitCode === proposal.proposedTo.unitCode) {
    throw new DomainRuleViolation('PROPOSAL.PROPOSED_TO_ITSELF', 'A body that may grant the award grants it; a proposal goes to another body.', { field: 'proposedTo' });
  }
  existingBody(proposal.proposer, 'proposer', proposal.proposedOn, command.metadata.units);
  const addressee = existingBody(proposal.proposedTo, 'proposedTo', proposal.proposedOn, command.metadata.units);
  const authority = authorityOf(regimeOn(proposal.proposedOn), proposal.proposedTo.body, addressee.level);
  const proposed = proposal.award.form ?? proposal.award.title;
  if (!authority.may.includes(proposed)) {
    throw new DomainRuleViolation(
      'PROPOSAL.ADDRESSEE_MAY_NOT_GRANT',
      `On ${proposal.proposedOn} the ${CIVIC_BODIES[proposal.proposedTo.body].vi} of ${addressee.name} could not grant "${awardName(proposal.award)}": propose it to the body that may.`,
      { field: 'proposedTo/body', legalBasis: authority.basis },
    );
  }
  if (!(['collectives', 'individuals', 'households'] as const).some((kind) => recipientCount(proposal.recipients[kind]) > 0)) {
    throw new DomainRuleViolation('PROPOSAL.NO_RECIPIENT', 'A proposal names at least one collective, individual or household.', { field: 'recipients' });
  }
  return [{ type: 'CommendationProposed', data: proposal }];
}

/** The body's unit existed on the date, and the body at it. */
function existingBody(body: BodyOfUnit, field: 'proposer' | 'proposedTo', date: string, units: UnitsOnDate) {
  const role = field === 'proposer' ? 'PROPOSER' : 'ADDRESSEE';
  return unitOfExistingBody(body, date, units, {
    unitCode: `PROPOSAL.${role}_UNIT_NOT_IN_FORCE`,
    bodyCode: `PROPOSAL.${role}_DID_NOT_EXIST`,
    consequence: 'none of its bodies could take part in a proposal then',
    field,
  });
}

function decideProposal(command: DecideProposal, state: CommendationProposalState): CommendationProposalEvent[] {
  if (state.status === 'NOT_PROPOSED') throw new DomainRuleViolation('PROPOSAL.NOT_FOUND', 'There is no such proposal to decide.');
  if (state.status === 'DECIDED') throw new DomainRuleViolation('PROPOSAL.ALREADY_DECIDED', 'This proposal has already been decided.');
  const { proposal } = state;
  const decision = command.data;
  if (decision.decidedBy.body !== proposal.proposedTo.body || decision.decidedBy.unitCode !== proposal.proposedTo.unitCode) {
    throw new DomainRuleViolation('PROPOSAL.DECIDED_BY_ANOTHER_BODY', 'A proposal is answered by the body it was made to.', { field: 'decidedBy' });
  }
  if (decision.decidedOn < proposal.proposedOn || decision.decidedOn > command.metadata.receivedOn) {
    throw new DomainRuleViolation('PROPOSAL.DECIDED_OUT_OF_TIME', `A decision falls between the proposal (${proposal.proposedOn}) and today.`, { field: 'decidedOn' });
  }
  const answer = { proposalId: decision.proposalId, decidedBy: decision.decidedBy, decidedOn: decision.decidedOn };
  if (decision.outcome === 'REFUSED') {
    return [{ type: 'ProposalDecided', data: { ...answer, outcome: 'REFUSED', commendationId: null, decisionNumber: null, reason: decision.reason } }];
  }
  const grant = command.metadata.grant;
  if (!grant) throw new DomainRuleViolation('PROPOSAL.GRANT_NOT_FOUND', `No commendation ${decision.commendationId} is on record: record the grant, then the decision that names it.`, { field: 'commendationId' });
  if (grant.issuer.body !== proposal.proposedTo.body || grant.issuer.unitCode !== proposal.proposedTo.unitCode) {
    throw new DomainRuleViolation('PROPOSAL.GRANT_BY_ANOTHER_BODY', 'The grant named was made by another body than the one the proposal went to.', { field: 'commendationId' });
  }
  if ((grant.award.form ?? grant.award.title) !== (proposal.award.form ?? proposal.award.title)) {
    throw new DomainRuleViolation('PROPOSAL.GRANT_OF_ANOTHER_AWARD', `The grant named is of "${awardName(grant.award)}", not of the "${awardName(proposal.award)}" proposed.`, { field: 'commendationId' });
  }
  if (grant.grantedOn !== decision.decidedOn) {
    throw new DomainRuleViolation('PROPOSAL.DECISION_DATE_DIFFERS', `The grant named was decided on ${grant.grantedOn}, not on ${decision.decidedOn}.`, { field: 'decidedOn' });
  }
  const granted: ProposalDecidedData = { ...answer, outcome: 'GRANTED', commendationId: grant.commendationId, decisionNumber: grant.decisionNumber, reason: null };
  return [{ type: 'ProposalDecided', data: granted }];
}
