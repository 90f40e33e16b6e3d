import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { RunningSystem, waitFor } from '@civic/testing';
import { parse } from 'csv-parse/sync';
import { asAdministrator, getJson, minhKhaiReview, postJson } from './meeting-requests';

const HOAN_KIEM = '002';
const HANG_TRONG = '00070';

describe('Ward, district and city summaries, rolled up the hierarchy of the year', () => {
  let system: RunningSystem;
  const summary = async (level: 'wards' | 'districts' | 'cities', code: string, year: number) =>
    getJson(`${system.url('query-api')}/v1/summaries/${level}/${code}?year=${year}`);

  beforeAll(async () => {
    system = await RunningSystem.start();
    const records = `${system.url('records-api')}/v1`;
    const created = await Promise.all([
      // Seed 003: UB MTTQ quận Hoàn Kiếm, 08/01/2021, "trên 300 đại biểu".
      postJson(`${records}/meetings`, {
        unitCode: HOAN_KIEM,
        kind: 'HOI_NGHI_TONG_KET',
        title: 'Hội nghị tổng kết công tác mặt trận năm 2020, triển khai chương trình phối hợp và thống nhất hành động năm 2021',
        heldOn: '2021-01-08',
        venue: 'Hội trường tầng 4, 33 phố Nhà Chung',
        convenedBy: [{ body: 'UB_MTTQ', unitCode: HOAN_KIEM }],
        chairedBy: { fullName: 'Lê Hồng Phú', role: 'Chủ tịch Ủy ban MTTQ Việt Nam quận Hoàn Kiếm' },
        attendeeCount: { value: 300, qualifier: 'AT_LEAST' },
        reviewYear: 2020,
        planYear: 2021,
      }),
      postJson(`${records}/commendations`, {
        form: 'GIAY_KHEN',
        commendationType: 'CONG_TRANG',
        issuer: { body: 'UBND', unitCode: HOAN_KIEM },
        jointIssuers: [{ body: 'UB_MTTQ', unitCode: HOAN_KIEM }],
        grantedOn: '2021-01-08',
        forYear: 2020,
        recipients: { collectives: { count: 41 }, individuals: { count: 56 } },
        reason: 'Có thành tích xuất sắc trong công tác mặt trận năm 2020',
      }),
      postJson(`${records}/meetings`, minhKhaiReview({ unitCode: HANG_TRONG, convenedBy: [{ body: 'UBND', unitCode: HANG_TRONG }], attendeeCount: { value: 80, qualifier: 'EXACT' } })),
      postJson(`${records}/meetings`, minhKhaiReview()),
    ]);
    expect(created.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const movement = await postJson(`${records}/emulation-movements`, {
      name: 'Phong trào thi đua năm 2021',
      kind: 'PHONG_TRAO',
      form: 'THUONG_XUYEN',
      scope: 'DIA_PHUONG',
      launchedBy: { body: 'UBND', unitCode: HANG_TRONG },
      launchedOn: '2021-01-12',
      period: { from: '2021-01-01', to: '2021-12-31' },
      criteria: ['Hoàn thành xuất sắc nhiệm vụ năm 2021'],
    });
    expect(movement.status).toBe(201);
    const reviews = `${records}/emulation-movements/${movement.headers.get('location')!.split('/').pop()}/reviews`;
    expect((await postJson(reviews, { reviewKind: 'SO_KET', reviewedOn: '2021-07-15' })).status).toBe(201);
    expect((await postJson(reviews, { reviewKind: 'TONG_KET', reviewedOn: '2022-01-10' })).status).toBe(201);
    await waitFor('the movement to be concluded', async () => (await summary('wards', HANG_TRONG, 2022)).body.movements?.concluded === 1, {
      timeoutMs: 30_000,
    });
    await waitFor('the city summary to count all three meetings', async () => (await summary('cities', '01', 2021)).body.meetings?.total === 3, {
      timeoutMs: 30_000,
    });
    await waitFor('the commendation', async () => (await summary('cities', '01', 2020)).body.commendations?.grants === 1, { timeoutMs: 30_000 });
  });
  afterAll(() => system?.stop());

  it('counts for quận Hoàn Kiếm in 2020 the 41 collectives and 56 individuals given giấy khen by its People’s Committee and Front', async () => {
    const { status, body } = await summary('districts', HOAN_KIEM, 2020);
    expect(status).toBe(200);
    expect(body).toMatchObject({ unitCode: HOAN_KIEM, level: 'DISTRICT', name: 'Quận Hoàn Kiếm', year: 2020 });
    expect(body.commendations).toEqual({
      grants: 1,
      revoked: 0,
      recipients: { collectives: 41, individuals: 56, households: 0 },
      recipientsNotExact: { collectives: 0, individuals: 0, households: 0 },
      byAward: [{ awardKind: 'FORM', award: 'GIAY_KHEN', grants: 1, recipients: { collectives: 41, individuals: 56, households: 0 } }],
    });
    expect(body.units).toHaveLength(1 + 18);
  });

  it('rolls up the district’s own meetings and its wards’, and nothing from another district', async () => {
    const { body } = await summary('districts', HOAN_KIEM, 2021);
    expect(body.meetings).toMatchObject({ total: 2, attendees: { total: 380, exact: 80, atLeast: 300 } });
  });

  it('counts movements launched, reviewed, concluded and active, per year, and rolls them up', async () => {
    expect((await summary('wards', HANG_TRONG, 2021)).body.movements).toEqual({ launched: 1, reviewed: 1, concluded: 0, active: 1 });
    expect((await summary('wards', HANG_TRONG, 2022)).body.movements).toEqual({ launched: 0, reviewed: 1, concluded: 1, active: 1 });
    expect((await summary('wards', HANG_TRONG, 2023)).body.movements).toEqual({ launched: 0, reviewed: 0, concluded: 0, active: 0 });
    expect((await summary('districts', HOAN_KIEM, 2021)).body.movements).toMatchObject({ launched: 1, active: 1 });
  });

  it('refuses a movement launched by a body that does not launch movements, naming Art. 18', async () => {
    const response = await postJson(`${system.url('records-api')}/v1/emulation-movements`, {
      name: 'Thực hiện quy chế dân chủ',
      kind: 'PHONG_TRAO',
      form: 'CHUYEN_DE',
      scope: 'DIA_PHUONG',
      launchedBy: { body: 'BCD_QCDC', unitCode: HANG_TRONG },
      launchedOn: '2021-03-01',
      period: { from: '2021-03-01' },
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'MOVEMENT.LAUNCHER_NOT_ALLOWED', legalBasis: expect.stringContaining('Điều 18') });
  });

  it('rolls up a city over its districts and their wards', async () => {
    const { body } = await summary('cities', '01', 2021);
    expect(body).toMatchObject({ level: 'PROVINCE', name: 'Thành phố Hà Nội' });
    expect(body.meetings.total).toBe(3);
    expect(body.units.filter((u: { level: string }) => u.level === 'DISTRICT')).toHaveLength(30);
  });

  it('answers a district summary after the district level was abolished with a clear 404', async () => {
    const { status, body } = await summary('districts', HOAN_KIEM, 2026);
    expect(status).toBe(404);
    expect(body.detail).toMatch(/Quận Hoàn Kiếm existed until 2025-06-30: the district level was abolished on 2025-07-01/);
    expect((await summary('districts', HOAN_KIEM, 2025)).status).toBe(200);
  });

  it('audits a district with its wards by the hierarchy of each event’s date, and nothing from another district', async () => {
    const audit = async (query: string) =>
      (await getJson(`${system.url('query-api')}/v1/audit/events?${query}`)).body.items as { unitCode: string; type: string }[];
    const own = await audit(`unitCode=${HOAN_KIEM}&limit=500`);
    expect(new Set(own.map((e) => e.unitCode))).toEqual(new Set([HOAN_KIEM]));
    const withWards = await audit(`unitCode=${HOAN_KIEM}&includeDescendants=true&type=MeetingHeld&limit=500`);
    expect(withWards.map((e) => e.unitCode).sort()).toEqual([HANG_TRONG, HOAN_KIEM].sort());
    const city = await audit(`unitCode=01&includeDescendants=true&type=MeetingHeld&limit=500`);
    expect(city.map((e) => e.unitCode).sort()).toEqual([HANG_TRONG, HOAN_KIEM, '00295'].sort());
  });

  describe('lists for dashboards', () => {
    const list = async (path: string) => {
      const { status, body } = await getJson(`${system.url('query-api')}/v1/${path}`);
      expect({ path, status }).toEqual({ path, status: 200 });
      return body.items as Record<string, unknown>[];
    };

    it('lists a unit with every unit below it (includeDescendants), by the hierarchy of each record\'s date', async () => {
      expect(await list(`meetings?unitCode=01&includeDescendants=true&year=2021`)).toHaveLength(3);
      expect(await list(`meetings?unitCode=${HOAN_KIEM}&includeDescendants=true&year=2021`)).toHaveLength(2);
      expect(await list(`meetings?unitCode=${HOAN_KIEM}&year=2021`)).toHaveLength(1);
      expect(await list(`meetings?unitCode=VN&includeDescendants=true&year=2021`)).toHaveLength(3);
      expect(await list(`commendations?unitCode=01&includeDescendants=true`)).toHaveLength(1);
      expect(await list(`emulation-movements?unitCode=${HOAN_KIEM}&includeDescendants=true`)).toHaveLength(1);
      expect(await list(`emulation-movements?unitCode=${HOAN_KIEM}`)).toHaveLength(0);
    });

    it('lists the records dated from one day to another, both included', async () => {
      expect(await list(`meetings?unitCode=01&includeDescendants=true&from=2021-01-08&to=2021-01-08`)).toHaveLength(1);
      expect(await list(`meetings?unitCode=01&includeDescendants=true&from=2021-01-09`)).toHaveLength(2);
      expect(await list(`commendations?unitCode=${HOAN_KIEM}&to=2021-01-07`)).toHaveLength(0);
      expect(await list(`emulation-movements?unitCode=${HANG_TRONG}&from=2021-01-12&to=2021-01-12`)).toHaveLength(1);
    });

    it('lists the movements that ran during a year, and by status, as the summaries count them active', async () => {
      for (const year of [2021, 2022, 2023]) {
        const active = (await summary('wards', HANG_TRONG, year)).body.movements.active;
        expect({ year, listed: (await list(`emulation-movements?unitCode=${HANG_TRONG}&year=${year}`)).length }).toEqual({ year, listed: active });
      }
      expect(await list(`emulation-movements?unitCode=${HANG_TRONG}&status=CONCLUDED`)).toHaveLength(1);
      expect(await list(`emulation-movements?unitCode=${HANG_TRONG}&status=ACTIVE`)).toHaveLength(0);
    });

    it('finds titles and names with diacritics and đ folded', async () => {
      const [meeting] = await list(`meetings?unitCode=01&includeDescendants=true&q=${encodeURIComponent('TONG KET cong tac MAT TRAN')}`);
      expect(meeting).toMatchObject({ unitCode: HOAN_KIEM, kind: 'HOI_NGHI_TONG_KET' });
      expect(await list(`meetings?unitCode=01&includeDescendants=true&q=${encodeURIComponent('thống nhất hành động')}`)).toHaveLength(1);
      expect(await list(`meetings?unitCode=01&includeDescendants=true&q=${encodeURIComponent('dân vận')}`)).toHaveLength(0);
      expect(await list(`emulation-movements?unitCode=${HANG_TRONG}&q=${encodeURIComponent('thi dua nam 2021')}`)).toHaveLength(1);
      expect(await list(`emulation-movements?unitCode=${HANG_TRONG}&q=%25%25`)).toHaveLength(0);
    });

    it('answers a list as CSV to a reader that asks for it, the same records as the JSON, page by page', async () => {
      const path = `meetings?unitCode=01&includeDescendants=true&year=2021`;
      const csvOf = async (url: string) => {
        const response = await fetch(url, { headers: asAdministrator({ accept: 'text/csv' }) });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect(response.headers.get('content-disposition')).toBe('attachment; filename="meetings.csv"');
        return { rows: parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[], next: response.headers.get('link') };
      };
      const json = await list(path);
      const all = await csvOf(`${system.url('query-api')}/v1/${path}`);
      expect(all.next).toBeNull();
      expect(all.rows.map((row) => [row.meetingId, row.unitCode, row.kind, row.title, row.heldOn, row.attendees])).toEqual(
        json.map((m) => [m.meetingId, m.unitCode, m.kind, m.title, m.heldOn, String((m.attendeeCount as { value?: number } | null)?.value ?? '')]),
      );
      const paged: string[] = [];
      for (let url: string | undefined = `${system.url('query-api')}/v1/${path}&limit=1`; url; ) {
        const page = await csvOf(url);
        expect(page.rows).toHaveLength(1);
        paged.push(page.rows[0].meetingId);
        url = page.next ? `${system.url('query-api')}${/^<([^>]+)>; rel="next"$/.exec(page.next)![1]}` : undefined;
      }
      expect(paged).toEqual(json.map((m) => m.meetingId));
      const grants = await fetch(`${system.url('query-api')}/v1/commendations?unitCode=${HOAN_KIEM}`, { headers: asAdministrator({ accept: 'text/csv' }) });
      expect(parse(await grants.text(), { bom: true, columns: true })).toMatchObject([
        { award: 'GIAY_KHEN', issuerBody: 'UBND', issuerUnitCode: HOAN_KIEM, jointIssuers: `UB_MTTQ ${HOAN_KIEM}`, collectives: '41', individuals: '56', forYear: '2020' },
      ]);
    });

    it('gives the month of each grant made and movement launched in a series', async () => {
      const { body } = await getJson(`${system.url('query-api')}/v1/summaries/districts/${HOAN_KIEM}/series?year=2021`);
      const [january, february] = body.periods;
      expect(january).toMatchObject({
        period: '2021-01',
        meetings: { total: 2 },
        commendations: { grants: 1, recipients: { collectives: 41, individuals: 56, households: 0 }, byAward: [{ award: 'GIAY_KHEN', grants: 1 }] },
        movements: { launched: 1 },
      });
      expect(february).toMatchObject({ period: '2021-02', meetings: { total: 0, byKind: [] }, commendations: { grants: 0 }, movements: { launched: 0 } });
      const quarters = await getJson(`${system.url('query-api')}/v1/summaries/wards/${HANG_TRONG}/series?year=2021&interval=quarter`);
      expect(quarters.body.periods.map((q: { period: string; movements: { launched: number } }) => [q.period, q.movements.launched])).toEqual([
        ['2021-Q1', 1], ['2021-Q2', 0], ['2021-Q3', 0], ['2021-Q4', 0],
      ]);
    });

    it('answers 400 naming the field for a range that ends before it starts, or descendants of no unit', async () => {
      const backwards = await getJson(`${system.url('query-api')}/v1/meetings?unitCode=01&from=2021-02-01&to=2021-01-31`);
      expect(backwards).toMatchObject({ status: 400, body: { errors: [{ field: '/to' }] } });
      const noUnit = await getJson(`${system.url('query-api')}/v1/commendations?includeDescendants=true`);
      expect(noUnit).toMatchObject({ status: 400, body: { errors: [{ field: '/includeDescendants' }] } });
      const notBoolean = await getJson(`${system.url('query-api')}/v1/meetings?unitCode=01&includeDescendants=yes`);
      expect(notBoolean.status).toBe(400);
      const tooMany = await getJson(`${system.url('query-api')}/v1/meetings?unitCode=01&limit=1001`);
      expect(tooMany.status).toBe(400);
      expect((await getJson(`${system.url('query-api')}/v1/meetings?unitCode=01&limit=1000`)).status).toBe(200);
    });
  });

  it('answers 404 for a ward that did not exist in the year, and 400 for a code of the wrong level', async () => {
    expect((await summary('wards', '20333', 2021)).status).toBe(404);
    expect((await summary('districts', '00070', 2021)).status).toBe(400);
  });

  it('answers repeated summaries from memory and drops exactly what a new record changes (ADR 0014)', async () => {
    const cache = async () => (await getJson(`${system.url('query-api')}/health`)).body.summaryCache as { listening: boolean; hits: number };
    await waitFor('query-api to hear changes', async () => (await cache()).listening || undefined);
    const city = (await summary('cities', '01', 2021)).body;
    const district = (await summary('districts', HOAN_KIEM, 2021)).body;
    const daNang = (await summary('cities', '48', 2021)).body;
    const hitsBefore = (await cache()).hits;
    expect((await summary('cities', '01', 2021)).body).toEqual(city);
    expect((await summary('districts', HOAN_KIEM, 2021)).body).toEqual(district);
    expect((await cache()).hits).toBe(hitsBefore + 2);

    // A meeting in Hàng Trống (Hoàn Kiếm) changes the city's and the district's answers, and they show it.
    const created = await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({
      unitCode: HANG_TRONG, title: 'Hội nghị sau khi đã đọc tổng hợp', heldOn: '2021-11-02', convenedBy: [{ body: 'UBND', unitCode: HANG_TRONG }],
    }));
    expect(created.status).toBe(201);
    await waitFor('the city summary to count the new meeting', async () => (await summary('cities', '01', 2021)).body.meetings.total === city.meetings.total + 1 || undefined, { timeoutMs: 30_000 });
    await waitFor('the district summary to count it', async () => (await summary('districts', HOAN_KIEM, 2021)).body.meetings.total === district.meetings.total + 1 || undefined, { timeoutMs: 30_000 });
    // Đà Nẵng read nothing from Hàng Trống: its answer is still the one in memory.
    const hitsAfter = (await cache()).hits;
    expect((await summary('cities', '48', 2021)).body).toEqual(daNang);
    expect((await cache()).hits).toBe(hitsAfter + 1);
  });

  it('tags each summary answer (ETag) and answers 304 Not Modified to a reader that already holds it', async () => {
    const url = `${system.url('query-api')}/v1/summaries/cities/01?year=2021`;
    const first = await summary('cities', '01', 2021);
    const etag = first.headers.get('etag');
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(etag).toMatch(/^W\/".+"$/);
    // fetch adds `Cache-Control: no-cache` to a conditional request unless told otherwise, which asks for a full answer.
    const again = await fetch(url, { headers: asAdministrator({ 'if-none-match': etag!, 'cache-control': 'max-age=0' }) });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await fetch(url, { headers: asAdministrator({ 'if-none-match': 'W/"an-older-answer"', 'cache-control': 'max-age=0' }) });
    expect(stale.status).toBe(200);
    expect(await stale.json()).toEqual(first.body);
  });

  it('sends a large answer gzipped to a reader that accepts gzip, and the same JSON plain to one that does not', async () => {
    const url = `${system.url('query-api')}/v1/summaries/cities/01?year=2021`;
    const plain = await rawGet(url, { 'accept-encoding': 'identity' });
    const gzipped = await rawGet(url, { 'accept-encoding': 'br;q=1.0, gzip;q=0.8' });
    const refused = await rawGet(url, { 'accept-encoding': 'gzip;q=0, identity' });

    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/accept-encoding/i);
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    expect(JSON.parse(plain.body.toString('utf8'))).toEqual((await summary('cities', '01', 2021)).body);
    expect(refused.headers['content-encoding']).toBeUndefined();
    // One weak tag for the content in either encoding: a reader holding it is told it is current.
    expect(gzipped.headers.etag).toBe(plain.headers.etag);
    const current = await rawGet(url, { 'accept-encoding': 'gzip', 'if-none-match': String(gzipped.headers.etag) });
    expect(current.status).toBe(304);
    expect(current.body.length).toBe(0);
  });
});

/** A GET whose body is kept as the bytes sent (fetch would decode them). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: asAdministrator(headers) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}
