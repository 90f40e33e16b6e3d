import { MessageCollector, RunningSystem, testKafka, testToken, waitFor } from '@civic/testing';
import { getJson, postJson } from './meeting-requests';

const KHUONG_THUONG = '00238';

/** Khương Thượng ward, 28/01/2021: the ward People's Committee commends collectives and individuals for 2020 (seed 004). */
const wardGiayKhen = (overrides: Record<string, unknown> = {}) => ({
  form: 'GIAY_KHEN',
  commendationType: 'CONG_TRANG',
  issuer: { body: 'UBND', unitCode: KHUONG_THUONG },
  grantedOn: '2021-01-28',
  forYear: 2020,
  recipients: { collectives: { count: 5 }, individuals: { names: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Đức Thọ'] } },
  reason: 'Có thành tích xuất sắc trong phong trào thi đua năm 2020',
  ...overrides,
});

describe('Granting and revoking commendations, end to end', () => {
  let system: RunningSystem;
  let collector: MessageCollector;
  let proposalCollector: MessageCollector;
  const commendations = () => `${system.url('records-api')}/v1/commendations`;
  const summary = async () => (await getJson(`${system.url('query-api')}/v1/summaries/wards/${KHUONG_THUONG}?year=2020`)).body.commendations;

  beforeAll(async () => {
    system = await RunningSystem.start();
    proposalCollector = await new MessageCollector(testKafka('e2e-proposals'), [`${system.topicPrefix}civic.commendation-proposals.v1`]).start();
    collector = await new MessageCollector(testKafka('e2e-commendations'), [`${system.topicPrefix}civic.commendations.v1`, `${system.topicPrefix}civic.award-reservations.v1`]).start();
  });
  afterAll(async () => {
    await collector?.stop();
    await proposalCollector?.stop();
    await system?.stop();
  });

  it('records a giấy khen, publishes it on civic.commendations.v1 and counts it for the year of the achievement', async () => {
    const response = await postJson(commendations(), wardGiayKhen());
    expect(response.status).toBe(201);
    const [eventId] = response.body.eventIds;

    const message = await waitFor('the CloudEvent', async () => collector.messages.find((m) => m.headers.ce_id === eventId), { timeoutMs: 30_000 });
    expect(message.headers).toMatchObject({ ce_type: 'vn.civic-records.CommendationGranted', ce_unitcode: KHUONG_THUONG });
    expect(JSON.parse(message.value)).toMatchObject({ regime: 'A', forYear: 2020, award: { form: 'GIAY_KHEN' } });

    const figures = await waitFor('the summary to count it', async () => ((await summary()).grants === 1 ? summary() : undefined), { timeoutMs: 30_000 });
    expect(figures).toEqual({
      grants: 1,
      revoked: 0,
      recipients: { collectives: 5, individuals: 3, households: 0 },
      recipientsNotExact: { collectives: 0, individuals: 0, households: 0 },
      byAward: [{ awardKind: 'FORM', award: 'GIAY_KHEN', grants: 1, recipients: { collectives: 5, individuals: 3, households: 0 } }],
    });
  });

  it('refuses a bằng khen from the ward with 422 naming the rule and its legal basis', async () => {
    const response = await postJson(commendations(), wardGiayKhen({ form: 'BANG_KHEN' }));
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'COMMENDATION.AWARD_NOT_ALLOWED_FOR_ISSUER',
      errors: [{ field: '/issuer/body' }],
      legalBasis: expect.stringContaining('Luật Thi đua, khen thưởng'),
    });
  });

  it.each([
    ['a posthumous award to a collective', wardGiayKhen({ posthumous: true }), 'COMMENDATION.POSTHUMOUS_ONLY_TO_INDIVIDUALS', '/recipients/collectives', /Luật Thi đua, khen thưởng/],
    [
      "a Hà Nội ward People's Council as proposer in 2022",
      wardGiayKhen({ grantedOn: '2022-06-01', forYear: 2021, proposer: { body: 'HDND', unitCode: KHUONG_THUONG } }),
      'COMMENDATION.PROPOSER_DID_NOT_EXIST',
      '/proposer/body',
      /97\/2019\/QH14/,
    ],
    [
      'a district issuer after districts were abolished',
      wardGiayKhen({ issuer: { body: 'UBND', unitCode: '006' }, grantedOn: '2025-08-01', forYear: 2025 }),
      'COMMENDATION.ISSUER_UNIT_NOT_IN_FORCE',
      '/issuer/unitCode',
      /72\/2025\/QH15/,
    ],
    [
      'a kind of recipient the 2003 law did not allow, in 2021',
      wardGiayKhen({ form: undefined, title: 'GIA_DINH_VAN_HOA' }),
      'COMMENDATION.RECIPIENT_KIND_NOT_ALLOWED',
      '/recipients/individuals',
      /Luật Thi đua, khen thưởng 2003/,
    ],
  ])('refuses %s with 422, its rule and the legal basis of its date', async (_case, body, code, field, legalBasis) => {
    const response = await postJson(commendations(), body);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code, errors: [{ field }], legalBasis: expect.stringMatching(legalBasis) });
  });

  it('refuses the same achievement commended twice with 409 naming the first grant, stores nothing, and publishes the reservation', async () => {
    const body = wardGiayKhen({ forYear: 2019, grantedOn: '2020-01-15', recipients: { individuals: { names: ['Phạm Thị Thu Hà'] } } });
    const first = await postJson(commendations(), body);
    expect(first.status).toBe(201);
    const firstId = first.headers.get('location')!.split('/').pop();
    const again = await postJson(commendations(), { ...body, recipients: { individuals: { names: ['Phạm Thị Thu Hà', 'Đỗ Văn Long'] } } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'COMMENDATION.ACHIEVEMENT_ALREADY_AWARDED',
      firstGrant: `/v1/commendations/${firstId}`,
      errors: [{ field: '/recipients' }],
      legalBasis: expect.stringContaining('Điều 6'),
    });
    const reservation = await waitFor('the reservation on Kafka', async () =>
      collector.messages.find((m) => m.headers.ce_type?.endsWith('AwardReserved') && JSON.parse(m.value).commendationId === firstId),
    );
    expect(JSON.parse(reservation.value)).toMatchObject({ commendationId: firstId, grantedOn: '2020-01-15', unitCode: KHUONG_THUONG });
  });

  it('records a proposal to the district, publishes it, and refuses one to a body that could not grant the award', async () => {
    const proposal = {
      proposer: { body: 'UBND', unitCode: KHUONG_THUONG },
      proposedTo: { body: 'UBND', unitCode: '006' },
      proposedOn: '2021-01-28',
      title: 'THON_TDP_VAN_HOA',
      forYear: 2020,
      recipients: { collectives: { count: 13 } },
      reason: 'Đề nghị công nhận danh hiệu Tổ dân phố văn hóa năm 2020 (13/18 tổ dân phố)',
    };
    const proposed = await postJson(`${system.url('records-api')}/v1/commendation-proposals`, proposal);
    expect(proposed.status).toBe(201);
    expect(proposed.headers.get('location')).toMatch(/^\/v1\/commendation-proposals\/[0-9a-f-]{36}$/);
    const message = await waitFor('the proposal on Kafka', async () => proposalCollector.messages.find((m) => m.key === proposed.body.streamId));
    expect(JSON.parse(message.value)).toMatchObject({ proposer: proposal.proposer, proposedTo: proposal.proposedTo, award: { title: 'THON_TDP_VAN_HOA' }, recipients: { collectives: { count: 13 } } });

    const toTheFront = await postJson(`${system.url('records-api')}/v1/commendation-proposals`, { ...proposal, proposedTo: { body: 'UB_MTTQ', unitCode: KHUONG_THUONG } });
    expect(toTheFront.status).toBe(422);
    expect(toTheFront.body).toMatchObject({ code: 'PROPOSAL.ADDRESSEE_MAY_NOT_GRANT', errors: [{ field: '/proposedTo/body' }], legalBasis: expect.any(String) });
  });

  it('answers a proposal with the grant that decided it, shows it granted by that decision, and answers it once', async () => {
    const proposed = await postJson(`${system.url('records-api')}/v1/commendation-proposals`, {
      proposer: { body: 'UBND', unitCode: KHUONG_THUONG },
      proposedTo: { body: 'UBND', unitCode: '006' },
      proposedOn: '2021-01-28',
      title: 'THON_TDP_VAN_HOA',
      forYear: 2020,
      recipients: { collectives: { names: ['Tổ dân phố số 3', 'Tổ dân phố số 7'] } },
      reason: 'Đề nghị công nhận danh hiệu Tổ dân phố văn hóa năm 2020',
    });
    const proposalId = proposed.headers.get('location')!.split('/').pop()!;
    const grant = await postJson(commendations(), {
      title: 'THON_TDP_VAN_HOA',
      commendationType: 'CONG_TRANG',
      issuer: { body: 'UBND', unitCode: '006' },
      proposer: { body: 'UBND', unitCode: KHUONG_THUONG },
      grantedOn: '2021-03-10',
      forYear: 2020,
      decisionNumber: '1234/QĐ-UBND',
      recipients: { collectives: { names: ['Tổ dân phố số 3', 'Tổ dân phố số 7'] } },
      reason: 'Công nhận danh hiệu Tổ dân phố văn hóa năm 2020',
    });
    expect(grant.status).toBe(201);
    const commendationId = grant.headers.get('location')!.split('/').pop()!;
    const decision = `${system.url('records-api')}/v1/commendation-proposals/${proposalId}/decision`;
    const granted = { decidedBy: { body: 'UBND', unitCode: '006' }, decidedOn: '2021-03-10', outcome: 'GRANTED', commendationId };

    const byTheWard = await postJson(decision, { ...granted, decidedBy: { body: 'UBND', unitCode: KHUONG_THUONG } }, { 'If-Match': '"1"' });
    expect(byTheWard).toMatchObject({ status: 422, body: { code: 'PROPOSAL.DECIDED_BY_ANOTHER_BODY', errors: [{ field: '/decidedBy' }] } });
    const anotherDay = await postJson(decision, { ...granted, decidedOn: '2021-03-11' }, { 'If-Match': '"1"' });
    expect(anotherDay).toMatchObject({ status: 422, body: { code: 'PROPOSAL.DECISION_DATE_DIFFERS' } });
    const withReason = await postJson(decision, { ...granted, reason: 'Đủ điều kiện' }, { 'If-Match': '"1"' });
    expect(withReason).toMatchObject({ status: 400, body: { errors: [{ field: '/reason' }] } });

    const answered = await postJson(decision, granted, { 'If-Match': '"1"' });
    expect(answered.status).toBe(201);
    const message = await waitFor('the decision on Kafka', async () => proposalCollector.messages.find((m) => m.key === answered.body.streamId && m.headers.ce_type?.endsWith('ProposalDecided')));
    expect(JSON.parse(message.value)).toEqual({ proposalId, decidedBy: granted.decidedBy, decidedOn: '2021-03-10', outcome: 'GRANTED', commendationId, decisionNumber: '1234/QĐ-UBND', reason: null });
    const shown = await waitFor('the proposal shown as granted', async () => {
      const { body } = await getJson(`${system.url('query-api')}/v1/commendation-proposals/${proposalId}`);
      return body.status === 'GRANTED' ? body : undefined;
    });
    expect(shown.decision).toEqual({ decidedOn: '2021-03-10', commendationId, decisionNumber: '1234/QĐ-UBND', reason: null });
    const district = await getJson(`${system.url('query-api')}/v1/commendation-proposals?unitCode=006&status=GRANTED`);
    expect(district.body.items.map((item: { proposalId: string }) => item.proposalId)).toContain(proposalId);

    const again = await postJson(decision, { decidedBy: granted.decidedBy, decidedOn: '2021-03-12', outcome: 'REFUSED', reason: 'Nhầm' }, { 'If-Match': '"2"' });
    expect(again).toMatchObject({ status: 422, body: { code: 'PROPOSAL.ALREADY_DECIDED' } });
    expect((await getJson(`${system.url('query-api')}/v1/commendation-proposals/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('holds a grant the source leaves vague — on or before a date, "more than 40" — and says so in the list and the summary', async () => {
    const of2019 = async () => (await getJson(`${system.url('query-api')}/v1/summaries/wards/${KHUONG_THUONG}?year=2019`)).body.commendations;
    const before = await of2019();
    const vague = await postJson(commendations(), wardGiayKhen({
      grantedOn: '2020-01-20',
      grantedOnPrecision: 'ON_OR_BEFORE',
      forYear: 2019,
      recipients: { collectives: { count: 40, qualifier: 'AT_LEAST' }, individuals: { count: 12 } },
      reason: 'Thành tích năm 2019, báo cáo tại hội nghị tổng kết',
    }));
    expect(vague.status).toBe(201);
    const commendationId = vague.headers.get('location')!.split('/').pop();
    const listed = await waitFor('the vague grant in the list', async () => {
      const { body } = await getJson(`${system.url('query-api')}/v1/commendations?unitCode=${KHUONG_THUONG}&year=2019`);
      return body.items.find((item: { commendationId: string }) => item.commendationId === commendationId);
    });
    expect(listed).toMatchObject({ grantedOn: '2020-01-20', grantedOnPrecision: 'ON_OR_BEFORE', recipients: { collectives: 40, individuals: 12 }, recipientQualifiers: { collectives: 'AT_LEAST' } });
    const after = await waitFor('the summary to count it', async () => {
      const figures = await of2019();
      return figures.grants === before.grants + 1 ? figures : undefined;
    });
    expect(after.recipients).toEqual({ collectives: before.recipients.collectives + 40, individuals: before.recipients.individuals + 12, households: before.recipients.households });
    expect(after.recipientsNotExact).toEqual({ collectives: before.recipientsNotExact.collectives + 40, individuals: before.recipientsNotExact.individuals, households: before.recipientsNotExact.households });

    const midMonth = await postJson(commendations(), wardGiayKhen({ grantedOn: '2020-03-15', grantedOnPrecision: 'MONTH', forYear: 2019, reason: 'Thành tích khác năm 2019' }));
    expect(midMonth).toMatchObject({ status: 422, body: { code: 'COMMENDATION.MONTH_NOT_FIRST_DAY', errors: [{ field: '/grantedOn' }] } });
    const qualifiedNames = await postJson(commendations(), wardGiayKhen({ recipients: { individuals: { names: ['Nguyễn Văn An'], qualifier: 'APPROX' } } }));
    expect(qualifiedNames).toMatchObject({ status: 400, body: { errors: [{ field: '/recipients/individuals/qualifier' }] } });
  });

  it('withdraws a record made in error: kept in the history, in no list or summary, its achievement free to be recorded right', async () => {
    const of2018 = async () => (await getJson(`${system.url('query-api')}/v1/summaries/wards/${KHUONG_THUONG}?year=2018`)).body.commendations;
    const wrong = wardGiayKhen({ grantedOn: '2019-01-20', forYear: 2018, recipients: { individuals: { names: ['Hoàng Văn Em'] } }, reason: 'Thành tích năm 2018 (ghi nhầm)' });
    const recorded = await postJson(commendations(), wrong);
    const commendationId = recorded.headers.get('location')!.split('/').pop()!;
    await waitFor('the summary to count it', async () => ((await of2018()).grants === 1 || undefined));

    const withdrawal = `${commendations()}/${commendationId}/withdrawal`;
    expect(await postJson(withdrawal, { reason: 'Nhầm' })).toMatchObject({ status: 428 });
    const withdrawn = await postJson(withdrawal, { reason: 'Bài viết chỉ nêu đề nghị, không nêu quyết định khen thưởng' }, { 'If-Match': '"1"' });
    expect(withdrawn.status).toBe(201);
    const message = await waitFor('the withdrawal on Kafka', async () => collector.messages.find((m) => m.headers.ce_id === withdrawn.body.eventIds[0]));
    expect(message.headers).toMatchObject({ ce_type: 'vn.civic-records.CommendationRecordWithdrawn', ce_unitcode: KHUONG_THUONG });
    expect(JSON.parse(message.value)).toMatchObject({ commendationId, reason: 'Bài viết chỉ nêu đề nghị, không nêu quyết định khen thưởng', unitCode: KHUONG_THUONG });

    await waitFor('the summary to leave it out', async () => ((await of2018()).grants === 0 || undefined));
    expect((await of2018()).revoked).toBe(0);
    const { body: list } = await getJson(`${system.url('query-api')}/v1/commendations?unitCode=${KHUONG_THUONG}&year=2018`);
    expect(list.items).toEqual([]);
    const byId = await getJson(`${system.url('query-api')}/v1/commendations/${commendationId}`);
    expect(byId.body).toMatchObject({ status: 'WITHDRAWN', withdrawal: { reason: 'Bài viết chỉ nêu đề nghị, không nêu quyết định khen thưởng' }, revocation: null, version: 2 });
    const { body: history } = await getJson(`${system.url('query-api')}/v1/audit/streams/commendation-${commendationId}`);
    expect(history.versions.map((v: { type: string }) => v.type)).toEqual(['CommendationGranted', 'CommendationRecordWithdrawn']);

    const revoke = await postJson(`${commendations()}/${commendationId}/revocation`, { revokedOn: '2019-03-01', reason: 'Thu hồi' }, { 'If-Match': '"2"' });
    expect(revoke).toMatchObject({ status: 422, body: { code: 'COMMENDATION.RECORD_WITHDRAWN' } });
    // Nor can a proposal be answered by a grant whose record was withdrawn.
    const proposal = await postJson(`${system.url('records-api')}/v1/commendation-proposals`, {
      proposer: { body: 'KHOI_DAN_VAN', unitCode: KHUONG_THUONG }, proposedTo: { body: 'UBND', unitCode: KHUONG_THUONG }, proposedOn: '2019-01-10',
      form: 'GIAY_KHEN', forYear: 2018, recipients: { individuals: { names: ['Hoàng Văn Em'] } }, reason: 'Đề nghị khen thưởng năm 2018',
    });
    const answer = await postJson(`${system.url('records-api')}/v1/commendation-proposals/${proposal.headers.get('location')!.split('/').pop()}/decision`,
      { decidedBy: { body: 'UBND', unitCode: KHUONG_THUONG }, decidedOn: '2019-01-20', outcome: 'GRANTED', commendationId }, { 'If-Match': '"1"' });
    expect(answer).toMatchObject({ status: 422, body: { code: 'PROPOSAL.GRANT_NOT_FOUND' } });
    // The withdrawn record released its achievement: the same grant, recorded right, is not a second award.
    expect((await postJson(commendations(), { ...wrong, grantedOn: '2019-01-25' })).status).toBe(201);
  });

  it('holds national issuers at the nation (VN): the Government’s flag, and a city Front proposing to the Front’s Central Committee', async () => {
    const cityOfficer = { authorization: `Bearer ${testToken({ subject: 'officer-ha-noi', roles: ['city-officer'], units: ['01'] })}` };
    const flag = {
      title: 'CO_THI_DUA_CHINH_PHU',
      commendationType: 'CONG_TRANG',
      issuer: { body: 'CHINH_PHU', unitCode: 'VN' },
      grantedOn: '2021-01-08',
      grantedOnPrecision: 'ON_OR_BEFORE',
      forYear: 2020,
      recipients: { collectives: { names: ['Đảng bộ quận Hoàn Kiếm'] } },
      reason: 'Đạt danh hiệu thi đua dẫn đầu năm 2020',
    };
    // A national grant is a national fact: a city officer does not act for the nation.
    expect(await postJson(commendations(), flag, cityOfficer)).toMatchObject({ status: 403, body: { code: 'ACCESS.OUTSIDE_JURISDICTION' } });
    const granted = await postJson(commendations(), flag);
    expect(granted.status).toBe(201);
    const shown = await waitFor('the national grant by its id', async () => {
      const response = await getJson(`${system.url('query-api')}/v1/commendations/${granted.headers.get('location')!.split('/').pop()}`);
      return response.status === 200 ? response.body : undefined;
    });
    expect(shown.commendation).toMatchObject({ issuer: { body: 'CHINH_PHU', unitCode: 'VN' }, award: { title: 'CO_THI_DUA_CHINH_PHU' }, regime: 'A' });

    const byTheFront = await postJson(commendations(), { ...flag, issuer: { body: 'UBTW_MTTQ', unitCode: 'VN' }, reason: 'Cờ thi đua (thử)' });
    expect(byTheFront).toMatchObject({ status: 422, body: { code: 'COMMENDATION.AWARD_NOT_ALLOWED_FOR_ISSUER', legalBasis: expect.stringMatching(/Mặt trận/) } });
    const atTheDistrict = await postJson(commendations(), { ...flag, issuer: { body: 'CHINH_PHU', unitCode: '002' }, reason: 'Cờ thi đua (thử 2)' });
    expect(atTheDistrict).toMatchObject({ status: 422, body: { code: 'COMMENDATION.ISSUER_DID_NOT_EXIST', errors: [{ field: '/issuer/body' }] } });

    const proposal = await postJson(`${system.url('records-api')}/v1/commendation-proposals`, {
      proposer: { body: 'UB_MTTQ', unitCode: '01' },
      proposedTo: { body: 'UBTW_MTTQ', unitCode: 'VN' },
      proposedOn: '2021-01-08',
      proposedOnPrecision: 'ON_OR_BEFORE',
      form: 'BANG_KHEN',
      forYear: 2020,
      recipients: { collectives: { names: ['Ủy ban MTTQ Việt Nam quận Hoàn Kiếm'] } },
      reason: 'Công tác Mặt trận quận năm 2020 đạt thành tích xuất sắc',
    }, cityOfficer);
    expect(proposal.status).toBe(201);
  });

  it('refuses a body that gives both a count and names, or neither form nor title, with 400', async () => {
    const response = await postJson(commendations(), {
      ...wardGiayKhen({ form: undefined }),
      recipients: { collectives: { count: 2, names: ['Tổ dân phố số 1'] } },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['/form', '/recipients/collectives/count']);
  });

  it('revokes with If-Match: a new event, counted apart; a stale or missing If-Match is refused', async () => {
    const granted = await postJson(commendations(), wardGiayKhen({ recipients: { households: { count: 1 } }, reason: 'Gia đình tiêu biểu' }));
    const id = granted.headers.get('location')!.split('/').pop();
    const revocation = { revokedOn: '2021-06-01', reason: 'Thu hồi theo Quyết định số 12/QĐ-UBND' };

    const missing = await postJson(`${commendations()}/${id}/revocation`, revocation);
    expect(missing.status).toBe(428);
    const stale = await postJson(`${commendations()}/${id}/revocation`, revocation, { 'If-Match': '"7"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('RECORD.VERSION_STALE');

    const revoked = await postJson(`${commendations()}/${id}/revocation`, revocation, { 'If-Match': granted.headers.get('etag')! });
    expect(revoked.status).toBe(201);
    expect(revoked.body.streamVersion).toBe(2);

    const figures = await waitFor('the revocation to be counted', async () => ((await summary()).revoked === 1 ? summary() : undefined), { timeoutMs: 30_000 });
    expect(figures).toMatchObject({ grants: 1, revoked: 1, recipients: { collectives: 5, individuals: 3, households: 0 } });
    const again = await postJson(`${commendations()}/${id}/revocation`, revocation, { 'If-Match': '"2"' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('COMMENDATION.ALREADY_REVOKED');
  });

  it('revokes once when revocations naming the same version race: the others hear that the record changed', async () => {
    const granted = await postJson(commendations(), wardGiayKhen({ recipients: { households: { count: 2 } }, reason: 'Gia đình văn hoá' }));
    const id = granted.headers.get('location')!.split('/').pop();
    const revocation = { revokedOn: '2021-06-01', reason: 'Thu hồi theo Quyết định số 13/QĐ-UBND' };

    const answers = await Promise.all(Array.from({ length: 5 }, () => postJson(`${commendations()}/${id}/revocation`, revocation, { 'If-Match': granted.headers.get('etag')! })));

    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 201)) {
      // Read before the winner committed: 409 at the append; read after it: 412 at the If-Match check.
      expect([
        [409, 'RECORD.CHANGED_CONCURRENTLY'],
        [412, 'RECORD.VERSION_STALE'],
      ]).toContainEqual([refused.status, refused.body.code]);
    }
    // The record is at version 2, the one revocation: a further one naming it is refused by the domain's rule.
    const again = await postJson(`${commendations()}/${id}/revocation`, revocation, { 'If-Match': '"2"' });
    expect(again.body.code).toBe('COMMENDATION.ALREADY_REVOKED');
  });

  it('finds a commendation by a recipient’s name with diacritics and case ignored', async () => {
    const search = async (name: string) =>
      (await getJson(`${system.url('query-api')}/v1/commendations?recipient=${encodeURIComponent(name)}`)).body.items.length;
    expect(await search('tran thi binh')).toBe(1);
    expect(await search('TRẦN THỊ BÌNH')).toBe(1);
    expect(await search('Trần Thị Bình'.normalize('NFD'))).toBe(1);
    expect(await search('le duc tho')).toBe(1);
    expect(await search('Phạm Văn Đồng')).toBe(0);
    // Withdrawn as made in error, then recorded right: found once.
    expect(await search('hoang van em')).toBe(1);
  });
});
