import { upcastProposalEvent } from '../proposals/commendation-proposal.upcasters';
import { upcastCommendationEvent } from './commendation.upcasters';

const v1Grant = {
  commendationId: '3c1e5f0a-2b4d-4c6e-8f10-2a3b4c5d6e7f',
  award: { form: 'GIAY_KHEN' },
  commendationType: 'CONG_TRANG',
  issuer: { body: 'UBND', unitCode: '002' },
  jointIssuers: [],
  proposer: null,
  grantedOn: '2021-01-08',
  forYear: 2020,
  decisionNumber: null,
  recipients: { collectives: { count: 41 }, individuals: { names: ['Nguyễn Văn An'] } },
  reason: 'Thành tích xuất sắc',
  posthumous: false,
  meetingId: null,
  movementId: null,
  regime: 'A',
};

describe('reading grants and proposals of schema version 1 as the current version', () => {
  it('reads a v1 grant as dated to the day, its counts exact, everything else as written', () => {
    expect(upcastCommendationEvent('CommendationGranted', 1, v1Grant)).toEqual({
      type: 'CommendationGranted',
      data: { ...v1Grant, grantedOnPrecision: 'DAY', recipients: { collectives: { count: 41, qualifier: 'EXACT' }, individuals: { names: ['Nguyễn Văn An'] } } },
    });
  });

  it('reads a v2 grant and a revocation as written', () => {
    const v2 = { ...v1Grant, grantedOnPrecision: 'ON_OR_BEFORE', recipients: { collectives: { count: 40, qualifier: 'AT_LEAST' } } };
    expect(upcastCommendationEvent('CommendationGranted', 2, v2).data).toEqual(v2);
    const revoked = { commendationId: v1Grant.commendationId, revokedOn: '2021-03-01', reason: 'x', unitCode: '002' };
    expect(upcastCommendationEvent('CommendationRevoked', 1, revoked)).toEqual({ type: 'CommendationRevoked', data: revoked });
  });

  it('reads a v1 proposal as dated to the day, its counts exact', () => {
    const v1 = { proposalId: 'p', proposer: { body: 'UBND', unitCode: '00238' }, proposedTo: { body: 'UBND', unitCode: '006' }, proposedOn: '2021-01-28', award: { title: 'THON_TDP_VAN_HOA' }, forYear: 2020, recipients: { collectives: { count: 13 } }, reason: 'Đề nghị', meetingId: null };
    expect(upcastProposalEvent('CommendationProposed', 1, v1).data).toEqual({ ...v1, proposedOnPrecision: 'DAY', recipients: { collectives: { count: 13, qualifier: 'EXACT' } } });
  });
});
