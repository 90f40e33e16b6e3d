import { RunningSystem, testToken, waitFor } from '@civic/testing';
import { loadDemoData } from '../deploy/demo/load-demo-data';
import { SEED_FACTS } from '../deploy/demo/seed-facts';
import { getJson, postJson } from './meeting-requests';

/** The seed articles, loaded through the public API, give back their figures in the summaries. */
describe('Demo data from the five seed articles', () => {
  let system: RunningSystem;
  const summary = async (level: 'wards' | 'districts' | 'cities', code: string, year: number) =>
    (await getJson(`${system.url('query-api')}/v1/summaries/${level}/${code}?year=${year}`)).body;
  const eventCount = async () => Number((await system.database.pool.query('SELECT count(*) FROM events')).rows[0].count);

  const urls = () => ({ recordsApi: system.url('records-api'), queryApi: system.url('query-api') });
  const loader = { authorization: `Bearer ${testToken({ subject: 'demo-data-loader' })}`, 'x-correlation-id': 'demo-data' };
  /** The two grants earlier loads recorded that their articles do not support: the loader withdraws them. */
  const EARLIER = [
    {
      title: 'THON_TDP_VAN_HOA', commendationType: 'CONG_TRANG', issuer: { body: 'UBND', unitCode: '006' }, proposer: { body: 'UBND', unitCode: '00238' },
      grantedOn: '2021-01-28', forYear: 2020, recipients: { collectives: { count: 13 } }, reason: 'Đạt danh hiệu Tổ dân phố văn hóa năm 2020 (13/18 tổ dân phố của phường Khương Thượng)',
    },
    {
      form: 'GIAY_KHEN', commendationType: 'CHUYEN_DE', issuer: { body: 'BAN_DAN_VAN', unitCode: '48' }, grantedOn: '2022-01-13', forYear: 2021,
      recipients: { collectives: { names: ['Khối Dân vận Đảng ủy phường Thanh Khê Tây'] } }, reason: 'Có thành tích tiêu biểu trong hoạt động ngành Dân vận năm 2021',
    },
  ];
  const earlierIds: string[] = [];

  beforeAll(async () => {
    system = await RunningSystem.start();
    for (const grant of EARLIER) {
      const response = await postJson(`${system.url('records-api')}/v1/commendations`, grant, loader);
      expect(response.status).toBe(201);
      earlierIds.push(response.body.streamId);
    }
    const report = await loadDemoData(urls(), testToken({ subject: 'demo-data-loader' }));
    expect(report).toEqual({ recorded: SEED_FACTS.length, withdrawn: 2, failures: [] });
    await waitFor('every fact to reach the read models', async () => {
      const { rows } = await system.database.pool.query(
        `SELECT (SELECT count(*) FROM rm_meetings)::int + (SELECT count(*) FROM rm_commendations)::int + (SELECT count(*) FROM rm_movements)::int
                + (SELECT count(*) FROM events WHERE event_type = 'CommendationProposed')::int AS n,
                (SELECT coalesce(sum(corrections), 0) FROM rm_meetings)::int AS corrections,
                (SELECT count(*) FROM rm_commendations WHERE withdrawn_on IS NOT NULL)::int AS withdrawn`,
      );
      const corrections = SEED_FACTS.filter((fact) => fact.corrects).length;
      return rows[0].n === SEED_FACTS.length - corrections + EARLIER.length && rows[0].corrections === corrections && rows[0].withdrawn === EARLIER.length;
    }, { timeoutMs: 60_000 });
  });
  afterAll(() => system?.stop());

  it('records each fact once, however often it is loaded', async () => {
    const before = await eventCount();
    expect(await loadDemoData(urls(), testToken({ subject: 'demo-data-loader' }))).toEqual({ recorded: SEED_FACTS.length, withdrawn: 0, failures: [] });
    expect(await eventCount()).toBe(before);
  });

  it('withdraws the records earlier loads made that the articles do not support, keeping them in the history', async () => {
    for (const streamId of earlierIds) {
      const { body } = await getJson(`${system.url('query-api')}/v1/audit/streams/${streamId}`);
      expect(body.versions.map((v: { type: string }) => v.type)).toEqual(['CommendationGranted', 'CommendationRecordWithdrawn']);
    }
    // The Ban Dân vận giấy khen is recorded again, dated on or before the meeting that reports it.
    const { body } = await getJson(`${system.url('query-api')}/v1/commendations?unitCode=48&year=2021`);
    expect(body.items).toEqual([expect.objectContaining({ issuer: { body: 'BAN_DAN_VAN', unitCode: '48' }, grantedOn: '2022-01-13', grantedOnPrecision: 'ON_OR_BEFORE' })]);
  });

  it('quận Hoàn Kiếm, 2020: 41 collectives and 56 individuals given giấy khen by the district People’s Committee and Fatherland Front', async () => {
    const { commendations } = await summary('districts', '002', 2020);
    expect(commendations).toEqual({
      grants: 1,
      revoked: 0,
      recipients: { collectives: 41, individuals: 56, households: 0 },
      recipientsNotExact: { collectives: 0, individuals: 0, households: 0 },
      byAward: [{ awardKind: 'FORM', award: 'GIAY_KHEN', grants: 1, recipients: { collectives: 41, individuals: 56, households: 0 } }],
    });
  });

  it('quận Hoàn Kiếm, 2021: the Front’s review conference of 08/01/2021 with more than 300 delegates', async () => {
    const { meetings } = await summary('districts', '002', 2021);
    expect(meetings).toMatchObject({ total: 1, attendees: { total: 300, atLeast: 300, meetingsWithCount: 1 } });
    expect(meetings.byKind).toEqual([expect.objectContaining({ kind: 'HOI_NGHI_TONG_KET', meetings: 1 })]);
  });

  it('phường Minh Khai, 2021: the review conference of 12/01/2021 and the 2021 emulation movement it launched', async () => {
    const ward = await summary('wards', '00295', 2021);
    expect(ward.meetings).toMatchObject({ total: 1, byKind: [expect.objectContaining({ kind: 'HOI_NGHI_TONG_KET' })], attendees: { meetingsWithoutCount: 1 } });
    expect(ward.movements).toEqual({ launched: 1, reviewed: 0, concluded: 0, active: 1 });
  });

  it('phường Khương Thượng, 2021: its review conference and movement, and its proposal that quận Đống Đa recognise 13 residential groups', async () => {
    const ward = await summary('wards', '00238', 2021);
    expect(ward.meetings.total).toBe(1);
    expect(ward.movements.launched).toBe(1);
    // A proposal, not a grant: the district's summary counts no title the article does not say was granted.
    expect((await summary('districts', '006', 2020)).commendations.grants).toBe(0);
    const { body } = await getJson(`${system.url('query-api')}/v1/audit/events?unitCode=00238&type=CommendationProposed&limit=5`);
    expect(body.items).toEqual([
      expect.objectContaining({
        type: 'CommendationProposed',
        data: expect.objectContaining({ proposedTo: { body: 'UBND', unitCode: '006' }, award: { title: 'THON_TDP_VAN_HOA' }, forYear: 2020, recipients: { collectives: { count: 13, qualifier: 'EXACT' } } }),
      }),
    ]);
  });

  it('adds the speakers, hosts and indicators the articles name as corrections, the first records kept in each history', async () => {
    const { rows } = await system.database.pool.query<{ stream_id: string; unit_code: string }>(
      "SELECT stream_id, unit_code FROM rm_meetings WHERE unit_code IN ('20206', '00006', '002', '00238') ORDER BY unit_code",
    );
    const histories: Record<string, { type: string; data: { meeting: Record<string, never> } }[]> = Object.fromEntries(
      await Promise.all(rows.map(async (row) => [row.unit_code, (await getJson(`${system.url('query-api')}/v1/audit/streams/${row.stream_id}`)).body.versions])),
    );
    for (const versions of Object.values(histories)) expect(versions.map((v) => v.type)).toEqual(['MeetingHeld', 'MeetingCorrected']);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const corrected = (unit: string): any => histories[unit][1].data.meeting;
    expect(corrected('20206').indicators.map((i: { numerator: number }) => i.numerator)).toEqual([7, 3]);
    expect(corrected('00006').reports).toEqual([expect.objectContaining({ presenter: { fullName: 'Phạm Thị Thu Hường', role: 'Quận ủy viên, Bí thư Đảng ủy phường' } })]);
    expect(corrected('002').chairs).toEqual([expect.objectContaining({ fullName: 'Lê Hồng Phú' })]);
    expect(corrected('00238').indicators).toEqual(expect.arrayContaining([expect.objectContaining({ label: 'Công trình xây dựng trên địa bàn có giấy phép', numerator: 100, unit: '%' })]));
    expect(corrected('00238').reports.map((r: { presenter?: { fullName: string } }) => r.presenter?.fullName)).toEqual([undefined, 'Vương Thái Dương']);
  });

  it('phường Vĩnh Phúc, 2021: the deployment conference of 29/01/2021', async () => {
    const { meetings } = await summary('wards', '00006', 2021);
    expect(meetings.byKind).toEqual([expect.objectContaining({ kind: 'HOI_NGHI_TRIEN_KHAI', meetings: 1 })]);
  });

  it('phường Thanh Khê Tây (Đà Nẵng), 2022: the mass-mobilisation review of 13/01/2022', async () => {
    expect((await summary('wards', '20206', 2022)).meetings.total).toBe(1);
    expect((await summary('districts', '491', 2022)).meetings.total).toBe(1);
    expect((await summary('cities', '48', 2022)).meetings.total).toBe(1);
  });

  it('Đà Nẵng, 2021: the giấy khen of the city Party committee’s Mass Mobilisation Commission to the ward’s Mass Mobilisation Bloc', async () => {
    const city = await summary('cities', '48', 2021);
    expect(city.commendations).toMatchObject({ grants: 1, recipients: { collectives: 1 }, byAward: [expect.objectContaining({ award: 'GIAY_KHEN' })] });
    const { body } = await getJson(`${system.url('query-api')}/v1/commendations?recipient=${encodeURIComponent('khoi dan van dang uy')}`);
    expect(body.items).toEqual([expect.objectContaining({ issuer: { body: 'BAN_DAN_VAN', unitCode: '48' }, grantedOn: '2022-01-13', forYear: 2021 })]);
  });

  it('Hà Nội, 2021: the four Hà Nội meetings of the articles rolled up to the city', async () => {
    const city = await summary('cities', '01', 2021);
    expect(city.meetings.total).toBe(4);
    expect(city.movements.launched).toBe(2);
  });

  describe('unit registry over HTTP', () => {
    const units = async (path: string) => getJson(`${system.url('query-api')}/v1/units${path}`);

    it('resolves a re-used code as of a date: 00070 was Hàng Trống, then Phường Hoàn Kiếm', async () => {
      expect((await units('/00070?asOf=2021-01-08')).body).toMatchObject({ name: 'Phường Hàng Trống', parentCode: '002', asOf: '2021-01-08' });
      expect((await units('/00070?asOf=2025-08-01')).body).toMatchObject({ name: 'Phường Hoàn Kiếm', parentCode: '01', validFrom: '2025-07-01' });
    });

    it('lists the children of a unit as of a date, and its successors with coverage', async () => {
      const hoanKiem = await units('/002/children?asOf=2021-01-08');
      expect(hoanKiem.body.parent).toMatchObject({ name: 'Quận Hoàn Kiếm' });
      expect(hoanKiem.body.items).toHaveLength(18);
      const reform = { effectiveFrom: '2025-07-01', datedBy: 'RESOLUTION', legalBasis: expect.stringMatching(/1654–1687\/NQ-UBTVQH15/) };
      expect((await units('/00295/successors')).body.successors).toEqual([
        { code: '00292', name: 'Phường Bạch Mai', coverage: 'PARTIAL', ...reform },
        { code: '00322', name: 'Phường Tương Mai', coverage: 'PARTIAL', ...reform },
      ]);
    });

    it('finds units by name with diacritics folded', async () => {
      const { body } = await units(`?name=${encodeURIComponent('minh khai')}&asOf=2021-01-01`);
      expect(body.items.filter((u: { name: string }) => u.name === 'Phường Minh Khai')).toHaveLength(6);
    });

    it('says when a code was in force, and refuses a malformed code or date', async () => {
      const gone = await units('/002?asOf=2026-01-01');
      expect(gone.status).toBe(404);
      expect(gone.body.detail).toMatch(/Quận Hoàn Kiếm \(before the registry to 2025-06-30\)/);
      const bad = await units('/0002?asOf=2021-02-30');
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['/asOf', '/code']);
    });
  });

  describe('successor view of wards created on 2025-07-01', () => {
    const view = async (code: string, year: number) =>
      getJson(`${system.url('query-api')}/v1/summaries/wards/${code}/successor-view?year=${year}`);

    it('gives Phường Kim Liên in 2021 the figures of Khương Thượng, its full predecessor', async () => {
      const { status, body } = await view('00229', 2021);
      expect(status).toBe(200);
      expect(body).toMatchObject({ unitCode: '00229', name: 'Phường Kim Liên', year: 2021, includesPartialPredecessors: false });
      expect(body.meetings.total).toBe(1);
      expect(body.predecessors).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: '00238', name: 'Phường Khương Thượng', coverage: 'FULL', meetings: expect.objectContaining({ total: 1 }) })]),
      );
    });

    it('flags Phường Tương Mai’s 2021 figures as coming from Minh Khai, only part of which it took', async () => {
      const { body } = await view('00322', 2021);
      expect(body.predecessors).toEqual(expect.arrayContaining([expect.objectContaining({ code: '00295', coverage: 'PARTIAL' })]));
      expect(body.meetings.total).toBe(1);
      expect(body.movements.launched).toBe(1);
      expect(body.includesPartialPredecessors).toBe(true);
    });

    it('answers 404 for a ward with no predecessors, or for years after the reform', async () => {
      expect((await view('00238', 2021)).status).toBe(404);
      expect((await view('00229', 2026)).status).toBe(404);
    });
  });

  describe('lists', () => {
    const list = async (path: string) => getJson(`${system.url('query-api')}/v1/${path}`);

    it('pages through the meetings newest first with a cursor, each meeting exactly once', async () => {
      const seen: string[] = [];
      const dates: string[] = [];
      let path = 'meetings?limit=2';
      let pages = 0;
      for (;;) {
        const { status, body } = await list(path);
        expect(status).toBe(200);
        pages += 1;
        seen.push(...body.items.map((m: { meetingId: string }) => m.meetingId));
        dates.push(...body.items.map((m: { heldOn: string }) => m.heldOn));
        if (!body.nextCursor) break;
        path = `meetings?limit=2&after=${body.nextCursor}`;
      }
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(5);
      expect(dates).toEqual(['2022-01-13', '2021-01-29', '2021-01-28', '2021-01-12', '2021-01-08']);
    });

    it('filters meetings by unit and kind, commendations by award, movements by status', async () => {
      expect((await list('meetings?unitCode=00295')).body.items).toHaveLength(1);
      expect((await list('meetings?kind=HOI_NGHI_TRIEN_KHAI')).body.items.map((m: { unitCode: string }) => m.unitCode)).toEqual(['00006']);
      expect((await list('commendations?award=GIAY_KHEN')).body.items).toEqual([
        expect.objectContaining({ issuer: { body: 'BAN_DAN_VAN', unitCode: '48' } }),
        expect.objectContaining({
          issuer: { body: 'UBND', unitCode: '002' },
          jointIssuers: [{ body: 'UB_MTTQ', unitCode: '002' }],
          recipients: { collectives: 41, individuals: 56, households: 0 },
        }),
      ]);
      expect((await list('commendations?unitCode=002&year=2020')).body.items).toHaveLength(1);
      expect((await list('emulation-movements?status=ACTIVE')).body.items).toHaveLength(2);
      expect((await list('emulation-movements?status=CONCLUDED')).body.items).toEqual([]);
    });

    it('refuses a cursor it did not give out, and answers odd filter text with an empty page, never an error', async () => {
      const bad = await list('meetings?after=bm90LWEtY3Vyc29y');
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ field: '/after', message: expect.any(String) }]);
      const odd = await list(`commendations?recipient=${encodeURIComponent("x' OR 1=1 --%_")}`);
      expect(odd.status).toBe(200);
      expect(odd.body.items).toEqual([]);
    });
  });
});
