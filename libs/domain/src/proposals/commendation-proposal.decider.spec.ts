import { deciderSpec } from '@civic/testing';
import { UnitsOnDate } from '../shared/unit-context';
import { CommendationGrantedData } from '../commendations/commendation.events';
import { DecideProposal, ProposeCommendation } from './commendation-proposal.commands';
import { commendationProposalDecider } from './commendation-proposal.decider';
import { CommendationProposed, CommendationProposedData, ProposalDecided } from './commendation-proposal.events';

const UNITS: UnitsOnDate = {
  '01': { code: '01', level: 'PROVINCE', name: 'Thành phố Hà Nội', type: 'Thành phố Trung ương', provinceCode: '01' },
  '006': { code: '006', level: 'DISTRICT', name: 'Quận Đống Đa', type: 'Quận', provinceCode: '01' },
  '00238': { code: '00238', level: 'COMMUNE', name: 'Phường Khương Thượng', type: 'Phường', provinceCode: '01' },
};

/** Seed 004: Khương Thượng proposes to quận Đống Đa the "Tổ dân phố văn hóa" title for 13 of its 18 residential groups, 2020. */
const tdpVanHoa: CommendationProposedData = {
  proposalId: '7a0c8c9e-3f55-4a49-9c1e-1d2f3a4b5c6d',
  proposer: { body: 'UBND', unitCode: '00238' },
  proposedTo: { body: 'UBND', unitCode: '006' },
  proposedOn: '2021-01-28',
  proposedOnPrecision: 'DAY',
  award: { title: 'THON_TDP_VAN_HOA' },
  forYear: 2020,
  recipients: { collectives: { count: 13, qualifier: 'EXACT' } },
  reason: 'Đề nghị công nhận danh hiệu Tổ dân phố văn hóa năm 2020 (13/18 tổ dân phố)',
  meetingId: null,
};

const propose = (data: Partial<CommendationProposedData> = {}, units: UnitsOnDate = UNITS): ProposeCommendation => ({
  type: 'ProposeCommendation',
  data: { ...tdpVanHoa, ...data },
  metadata: { receivedOn: '2026-11-23', units },
});
const proposed = (data: Partial<CommendationProposedData> = {}): CommendationProposed => ({ type: 'CommendationProposed', data: { ...tdpVanHoa, ...data } });

const grant: CommendationGrantedData = {
  commendationId: '5b5f0e55-8d1e-4d3f-a5a7-0e6c2f9b1a11',
  award: { title: 'THON_TDP_VAN_HOA' },
  commendationType: 'CONG_TRANG',
  issuer: { body: 'UBND', unitCode: '006' },
  jointIssuers: [],
  proposer: { body: 'UBND', unitCode: '00238' },
  grantedOn: '2021-03-10',
  grantedOnPrecision: 'DAY',
  forYear: 2020,
  decisionNumber: '1234/QĐ-UBND',
  recipients: { collectives: { count: 13, qualifier: 'EXACT' } },
  reason: 'Công nhận danh hiệu Tổ dân phố văn hóa năm 2020',
  posthumous: false,
  meetingId: null,
  movementId: null,
  regime: 'A',
};
const DISTRICT_UBND = { body: 'UBND', unitCode: '006' } as const;
const decide = (data: Partial<DecideProposal['data']> = {}, recorded: CommendationGrantedData | null = grant): DecideProposal => ({
  type: 'DecideProposal',
  data: { proposalId: tdpVanHoa.proposalId, decidedBy: DISTRICT_UBND, decidedOn: '2021-03-10', outcome: 'GRANTED', commendationId: grant.commendationId, ...data } as DecideProposal['data'],
  metadata: { receivedOn: '2026-11-23', grant: recorded },
});

describe('commendationProposalDecider', () => {
  const spec = deciderSpec(commendationProposalDecider);

  describe('ProposeCommendation', () => {
    it('records a ward People’s Committee proposing to the district the residential-group title (seed 004)', () => {
      spec.given([]).when(propose()).then([proposed()]);
    });

    it('records the city Front proposing the Front’s Central Committee a bằng khen for a district Front (seed 003)', () => {
      const toTheCentre = {
        proposer: { body: 'UB_MTTQ' as const, unitCode: '01' },
        proposedTo: { body: 'UBTW_MTTQ' as const, unitCode: 'VN' },
        proposedOn: '2021-01-08',
        proposedOnPrecision: 'ON_OR_BEFORE' as const,
        award: { form: 'BANG_KHEN' as const },
        recipients: { collectives: { names: ['Ủy ban MTTQ Việt Nam quận Hoàn Kiếm'] } },
      };
      spec.given([]).when(propose(toTheCentre)).then([proposed(toTheCentre)]);
    });

    it('refuses a proposal to a body that could not grant the award on that date, citing who may', () => {
      const refusal = spec.given([]).when(propose({ proposedTo: { body: 'UB_MTTQ', unitCode: '00238' } })).thenRefuses('PROPOSAL.ADDRESSEE_MAY_NOT_GRANT', 'proposedTo/body');
      expect(refusal.details.legalBasis).toBeTruthy();
    });

    it("refuses a proposer body that did not exist: a Hà Nội ward's People's Council in 2022", () => {
      const refusal = spec.given([]).when(propose({ proposer: { body: 'HDND', unitCode: '00238' }, proposedOn: '2022-02-01', forYear: 2021 })).thenRefuses('PROPOSAL.PROPOSER_DID_NOT_EXIST', 'proposer/body');
      expect(refusal.details.legalBasis).toBe('Nghị quyết 97/2019/QH14');
    });

    it('refuses a proposal to itself, to a district after 2025-06-30, of a later achievement, or without recipients', () => {
      spec.given([]).when(propose({ proposer: { body: 'UBND', unitCode: '006' } })).thenRefuses('PROPOSAL.PROPOSED_TO_ITSELF');
      const late = spec.given([]).when(propose({ proposedOn: '2025-08-01', forYear: 2025 }, { ...UNITS, '006': null })).thenRefuses('PROPOSAL.ADDRESSEE_UNIT_NOT_IN_FORCE', 'proposedTo/unitCode');
      expect(late.details.legalBasis).toMatch(/72\/2025\/QH15/);
      spec.given([]).when(propose({ forYear: 2022 })).thenRefuses('PROPOSAL.ACHIEVEMENT_AFTER_PROPOSAL', 'forYear');
      spec.given([]).when(propose({ recipients: {} })).thenRefuses('PROPOSAL.NO_RECIPIENT', 'recipients');
      spec.given([proposed()]).when(propose()).thenRefuses('PROPOSAL.ALREADY_RECORDED');
    });
  });

  describe('DecideProposal', () => {
    it('records the grant that answers it, by the body asked, of the award proposed, on the decision’s date', () => {
      const decided: ProposalDecided = {
        type: 'ProposalDecided',
        data: { proposalId: tdpVanHoa.proposalId, decidedBy: DISTRICT_UBND, decidedOn: '2021-03-10', outcome: 'GRANTED', commendationId: grant.commendationId, decisionNumber: '1234/QĐ-UBND', reason: null },
      };
      spec.given([proposed()]).when(decide()).then([decided]);
    });

    it('records a refusal with its reason', () => {
      spec.given([proposed()]).when(decide({ outcome: 'REFUSED', reason: 'Chưa đủ điều kiện công nhận' } as Partial<DecideProposal['data']>, null)).then([
        {
          type: 'ProposalDecided',
          data: { proposalId: tdpVanHoa.proposalId, decidedBy: DISTRICT_UBND, decidedOn: '2021-03-10', outcome: 'REFUSED', commendationId: null, decisionNumber: null, reason: 'Chưa đủ điều kiện công nhận' },
        },
      ]);
    });

    it('refuses a grant not on record, of another body or award, or decided on another day', () => {
      spec.given([proposed()]).when(decide({}, null)).thenRefuses('PROPOSAL.GRANT_NOT_FOUND', 'commendationId');
      spec.given([proposed()]).when(decide({}, { ...grant, issuer: { body: 'UB_MTTQ', unitCode: '006' } })).thenRefuses('PROPOSAL.GRANT_BY_ANOTHER_BODY');
      spec.given([proposed()]).when(decide({}, { ...grant, award: { form: 'GIAY_KHEN' } })).thenRefuses('PROPOSAL.GRANT_OF_ANOTHER_AWARD');
      spec.given([proposed()]).when(decide({ decidedOn: '2021-03-11' })).thenRefuses('PROPOSAL.DECISION_DATE_DIFFERS', 'decidedOn');
    });

    it('refuses an answer by another body than the one asked', () => {
      spec.given([proposed()]).when(decide({ decidedBy: { body: 'UBND', unitCode: '00238' } })).thenRefuses('PROPOSAL.DECIDED_BY_ANOTHER_BODY', 'decidedBy');
    });

    it('refuses a decision before the proposal, of a proposal never made, or a second decision', () => {
      spec.given([proposed()]).when(decide({ decidedOn: '2021-01-27' })).thenRefuses('PROPOSAL.DECIDED_OUT_OF_TIME', 'decidedOn');
      spec.given([]).when(decide()).thenRefuses('PROPOSAL.NOT_FOUND');
      const decided: ProposalDecided = { type: 'ProposalDecided', data: { proposalId: tdpVanHoa.proposalId, decidedBy: DISTRICT_UBND, decidedOn: '2021-03-10', outcome: 'REFUSED', commendationId: null, decisionNumber: null, reason: 'x' } };
      spec.given([proposed(), decided]).when(decide()).thenRefuses('PROPOSAL.ALREADY_DECIDED');
    });
  });
});
