import { checkDatePrecision } from '../shared/vague-facts';
import { CIVIC_BODIES } from '../shared/civic-body';
import { assertNever, Decider } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import { unitOfExistingBody } from '../shared/unit-not-in-force';
import { UnitsOnDate } from '../shared/unit-context';
import { CommendationCommand, GrantCommendation, RevokeCommendation, WithdrawCommendationRecord } from './commendation.commands';
import { BodyOfUnit, CommendationEvent, CommendationGrantedData, recipientCount, Recipients } from './commendation.events';
import { Award, awardName, EMULATION_TITLES, RecipientKind, RECIPIENT_KINDS } from './commendation-vocabulary';
import { authorityOf } from './granting-authority';
import { LEGAL_REGIMES, LegalRegime, regimeOn } from './legal-regime';

export type CommendationState =
  | { readonly status: 'NOT_GRANTED' }
  | { readonly status: 'GRANTED'; readonly commendation: CommendationGrantedData }
  | { readonly status: 'REVOKED'; readonly commendation: CommendationGrantedData }
  | { readonly status: 'WITHDRAWN'; readonly commendation: CommendationGrantedData };

export const commendationDecider: Decider<CommendationCommand, CommendationEvent, CommendationState> = {
  initialState: () => ({ status: 'NOT_GRANTED' }),

  decide(command, state) {
    switch (command.type) {
      case 'GrantCommendation':
        return grant(command, state);
      case 'RevokeCommendation':
        return revoke(command, state);
      case 'WithdrawCommendationRecord':
        return withdraw(command, state);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CommendationGranted':
        return { status: 'GRANTED', commendation: event.data };
      case 'CommendationRevoked':
        return state.status === 'NOT_GRANTED' ? state : { status: 'REVOKED', commendation: state.commendation };
      case 'CommendationRecordWithdrawn':
        return state.status === 'NOT_GRANTED' ? state : { status: 'WITHDRAWN', commendation: state.commendation };
      default:
        return assertNever(event);
    }
  },
};

/** Which recipients each award goes to, in the law in force on the grant's date. */
const RECIPIENT_BASIS: Record<LegalRegime, string> = {
  A: LEGAL_REGIMES.A.basis,
  B: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 19–31',
  C: 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 19–31; Nghị định 152/2025/NĐ-CP',
};

const RECIPIENT_FIELDS: Record<RecipientKind, keyof Recipients> = { INDIVIDUAL: 'individuals', COLLECTIVE: 'collectives', HOUSEHOLD: 'households' };

function grant(command: GrantCommendation, state: CommendationState): CommendationEvent[] {
  const data = command.data;
  if (state.status !== 'NOT_GRANTED') {
    throw new DomainRuleViolation('COMMENDATION.ALREADY_GRANTED', 'This commendation has already been recorded.');
  }
  if (data.grantedOn > command.metadata.receivedOn) {
    throw new DomainRuleViolation('COMMENDATION.GRANTED_IN_FUTURE', `A commendation is recorded once granted; ${data.grantedOn} is after today.`, {
      field: 'grantedOn',
    });
  }
  checkDatePrecision(data.grantedOn, data.grantedOnPrecision, 'grantedOn', 'COMMENDATION.MONTH_NOT_FIRST_DAY');
  if (data.forYear > Number(data.grantedOn.slice(0, 4))) {
    throw new DomainRuleViolation('COMMENDATION.ACHIEVEMENT_AFTER_GRANT', `An achievement of ${data.forYear} cannot be commended on ${data.grantedOn}.`, {
      field: 'forYear',
    });
  }
  const regime = regimeOn(data.grantedOn);
  const grantors: [BodyOfUnit, string][] = [[data.issuer, 'issuer'], ...data.jointIssuers.map((j, i): [BodyOfUnit, string] => [j, `jointIssuers/${i}`])];
  for (const [grantor, field] of grantors) checkGrantor(grantor, field, data, regime, command.metadata.units);
  if (data.proposer) checkProposer(data.proposer, data.grantedOn, command.metadata.units);
  checkRecipients(data.award, data.recipients, regime);
  if (data.posthumous) checkPosthumous(data.recipients, regime);
  return [{ type: 'CommendationGranted', data: { ...data, regime } }];
}

function checkGrantor(grantor: BodyOfUnit, field: string, data: GrantCommendation['data'], regime: LegalRegime, units: UnitsOnDate): void {
  const unit = unitOfExistingBody(grantor, data.grantedOn, units, {
    unitCode: 'COMMENDATION.ISSUER_UNIT_NOT_IN_FORCE',
    bodyCode: 'COMMENDATION.ISSUER_DID_NOT_EXIST',
    consequence: 'none of its bodies could grant a commendation then',
    field,
  });
  const grantable = data.award.form ?? data.award.title;
  if (data.award.title === 'XA_PHUONG_TIEU_BIEU' && regime === 'A') {
    throw new DomainRuleViolation(
      'COMMENDATION.AWARD_NOT_IN_REGIME',
      `The title "${awardName(data.award)}" was created by the 2022 law, in force from 2024-01-01; it could not be granted on ${data.grantedOn}.`,
      { field: 'award/title', legalBasis: LEGAL_REGIMES.B.basis },
    );
  }
  const authority = authorityOf(regime, grantor.body, unit.level);
  if (!authority.may.includes(grantable)) {
    const body = `${CIVIC_BODIES[grantor.body].vi} of ${unit.name}`;
    const allowed = authority.may.length ? `may grant only ${authority.may.join(', ')}` : 'grants no commendation itself';
    throw new DomainRuleViolation(
      'COMMENDATION.AWARD_NOT_ALLOWED_FOR_ISSUER',
      `On ${data.grantedOn} the ${body} ${allowed}; "${awardName(data.award)}" is granted at another level.`,
      { field: `${field}/body`, legalBasis: authority.basis },
    );
  }
}

/** A proposer is a body that existed on the grant's date (a Hà Nội ward had no People's Council in 2022). */
function checkProposer(proposer: BodyOfUnit, grantedOn: string, units: UnitsOnDate): void {
  unitOfExistingBody(proposer, grantedOn, units, {
    unitCode: 'COMMENDATION.PROPOSER_UNIT_NOT_IN_FORCE',
    bodyCode: 'COMMENDATION.PROPOSER_DID_NOT_EXIST',
    consequence: 'none of its bodies could propose a commendation then',
    field: 'proposer',
  });
}

/** An award made after death (truy tặng) honours a person: never a collective or a household. */
function checkPosthumous(recipients: Recipients, regime: LegalRegime): void {
  const others = (['collectives', 'households'] as const).find((kind) => recipientCount(recipients[kind]) > 0);
  if (others) {
    throw new DomainRuleViolation(
      'COMMENDATION.POSTHUMOUS_ONLY_TO_INDIVIDUALS',
      `An award made after death (truy tặng) goes only to individuals who have died, not to ${others === 'collectives' ? 'collectives (tập thể)' : 'households (hộ gia đình)'}.`,
      { field: `recipients/${others}`, legalBasis: LEGAL_REGIMES[regime].basis },
    );
  }
}

function checkRecipients(award: Award, recipients: Recipients, regime: LegalRegime): void {
  const given = (Object.keys(RECIPIENT_FIELDS) as RecipientKind[]).filter((kind) => recipientCount(recipients[RECIPIENT_FIELDS[kind]]) > 0);
  if (!given.length) {
    throw new DomainRuleViolation('COMMENDATION.NO_RECIPIENT', 'A commendation goes to at least one collective, individual or household.', {
      field: 'recipients',
    });
  }
  const allowed: readonly RecipientKind[] = award.title
    ? EMULATION_TITLES[award.title].recipients
    : award.form === 'BANG_KHEN' || award.form === 'GIAY_KHEN'
      ? ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD']
      : ['INDIVIDUAL', 'COLLECTIVE'];
  const refused = given.find((kind) => !allowed.includes(kind));
  if (refused) {
    throw new DomainRuleViolation(
      'COMMENDATION.RECIPIENT_KIND_NOT_ALLOWED',
      `"${awardName(award)}" goes only to ${allowed.map((k) => RECIPIENT_KINDS[k].vi.toLowerCase()).join(', ')}, not to ${RECIPIENT_KINDS[refused].vi.toLowerCase()}.`,
      { field: `recipients/${RECIPIENT_FIELDS[refused]}`, legalBasis: RECIPIENT_BASIS[regime] },
    );
  }
}

function revoke(command: RevokeCommendation, state: CommendationState): CommendationEvent[] {
  if (state.status === 'NOT_GRANTED') throw new DomainRuleViolation('COMMENDATION.NOT_FOUND', 'There is no such commendation to revoke.');
  if (state.status === 'REVOKED') throw new DomainRuleViolation('COMMENDATION.ALREADY_REVOKED', 'This commendation has already been revoked.');
  if (state.status === 'WITHDRAWN') throw recordWithdrawn();
  if (command.data.revokedOn < state.commendation.grantedOn || command.data.revokedOn > command.metadata.receivedOn) {
    throw new DomainRuleViolation(
      'COMMENDATION.REVOKED_OUT_OF_TIME',
      `A revocation falls between the grant (${state.commendation.grantedOn}) and today.`,
      { field: 'revokedOn' },
    );
  }
  return [{ type: 'CommendationRevoked', data: { ...command.data, unitCode: state.commendation.issuer.unitCode } }];
}

const recordWithdrawn = () =>
  new DomainRuleViolation('COMMENDATION.RECORD_WITHDRAWN', 'This record was withdrawn as made in error: there is no commendation here to revoke or withdraw.');

/** A record made in error is withdrawn once; a revoked grant's record may be withdrawn too (the revocation with it). */
function withdraw(command: WithdrawCommendationRecord, state: CommendationState): CommendationEvent[] {
  if (state.status === 'NOT_GRANTED') throw new DomainRuleViolation('COMMENDATION.NOT_FOUND', 'There is no such commendation record to withdraw.');
  if (state.status === 'WITHDRAWN') throw recordWithdrawn();
  return [{ type: 'CommendationRecordWithdrawn', data: { ...command.data, withdrawnOn: command.metadata.receivedOn, unitCode: state.commendation.issuer.unitCode } }];
}
