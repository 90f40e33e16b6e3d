import { parse } from 'csv-parse/sync';
import { readSharedAdminUnits, RunningSystem, waitFor } from '@civic/testing';
import { asAdministrator, getJson, postJson } from './meeting-requests';

/**
 * Roll-ups where the map changed, checked against the official lists themselves: the expected figures are computed
 * here, from the CSV files, by the list in force on each meeting's date, without the registry's code.
 */

/** Where a commune sat on a date: its district (none after 2025-07-01) and province. */
interface Placement {
  readonly district: string | null;
  readonly province: string;
}

/** The lists and the day each took effect (the 2025-03-01 list holds the mergers of 2025-01-01). */
const LISTS = [
  { from: '2021-02-01', file: 'vn_units_3level_20210201_flat.csv' },
  { from: '2022-04-10', file: 'vn_units_3level_20220410_flat.csv' },
  { from: '2025-01-01', file: 'vn_units_3level_20250301_flat.csv' },
] as const;
const REFORM = '2025-07-01';

function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readSharedAdminUnits(file).trim().split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [columns[i], value])));
}

/** For each list (and the reform), commune code → where it sat. */
function placements(): { from: string; communes: Map<string, Placement> }[] {
  const before = LISTS.map(({ from, file }) => ({
    from,
    communes: new Map(readCsv(file).map((row) => [row.commune_code, { district: row.district_code, province: row.province_code }])),
  }));
  const after = new Map(readCsv('vn_crosswalk_20250301_to_20250701.csv').map((row) => [row.new_commune_code, { district: null, province: row.new_province_code }]));
  return [...before, { from: REFORM, communes: after }];
}

const MAPS = placements();
const placementOn = (code: string, date: string): Placement | undefined => [...MAPS].reverse().find((map) => map.from <= date)?.communes.get(code);

const HAI_BA_TRUNG = '007';
const THANH_KHE = '491';
const PHU_VANG = '478';
const HUE = '474';
const THUAN_AN = '19900'; // Thị trấn Thuận An of Phú Vang in the 2021 list, Phường Thuận An of Huế in 2022
const REUSED = '20335'; // Phường Tân Thạnh of Quảng Nam until 2025-06-30, then Phường Bàn Thạch of Đà Nẵng
const CLOSED = '20344'; // Phường Hòa Hương of Quảng Nam, closed on 2025-07-01
const BACH_MAI = '00292';
const HOA_MINH = '20200'; // Liên Chiểu; gave part of itself to Thanh Khê Tây on 2025-01-01
const THANH_KHE_WARD = '20209'; // Xuân Hà, which took Tam Thuận on 2025-01-01, then Phường Thanh Khê from 2025-07-01
const DATES = ['2021-03-15', '2022-02-15', '2022-06-15', '2025-02-15', '2025-08-15'];

/** Every code that was ever a ward of the two districts, and the codes of the special cases. */
function codesRecorded(): string[] {
  const wards = MAPS.slice(0, -1).flatMap((map) => [...map.communes].filter(([, p]) => p.district === HAI_BA_TRUNG || p.district === THANH_KHE).map(([code]) => code));
  return [...new Set([...wards, THUAN_AN, REUSED, CLOSED, HOA_MINH])].sort();
}

describe('Summaries roll each fact up by the unit version in force on its date', () => {
  let system: RunningSystem;
  const meetings: { code: string; heldOn: string }[] = [];
  const summary = (level: 'wards' | 'districts' | 'cities', code: string, year: number) =>
    getJson(`${system.url('query-api')}/v1/summaries/${level}/${code}?year=${year}`);

  const listedMeetings = async () => {
    let count = 0;
    for (let path = 'meetings?kind=GIAO_BAN&limit=100'; ; ) {
      const { body } = await getJson(`${system.url('query-api')}/v1/${path}`);
      count += body.items.length;
      if (!body.nextCursor) return count;
      path = `meetings?kind=GIAO_BAN&limit=100&after=${body.nextCursor}`;
    }
  };

  beforeAll(async () => {
    system = await RunningSystem.start();
    for (const heldOn of DATES) for (const code of codesRecorded()) if (placementOn(code, heldOn)) meetings.push({ code, heldOn });
    const records = `${system.url('records-api')}/v1/meetings`;
    for (let start = 0; start < meetings.length; start += 10) {
      const answers = await Promise.all(
        meetings.slice(start, start + 10).map(({ code, heldOn }) =>
          postJson(records, { unitCode: code, kind: 'GIAO_BAN', title: `Họp giao ban ngày ${heldOn}`, heldOn, convenedBy: [{ body: 'UBND', unitCode: code }] }),
        ),
      );
      expect(answers.map((answer) => [answer.status, answer.body.detail])).toEqual(answers.map(() => [201, undefined]));
    }
    // Waits on the meetings list, which knows nothing of the hierarchy, so that a wrong roll-up fails the cases below.
    await waitFor('every meeting in the read model', async () => (await listedMeetings()) === meetings.length, { timeoutMs: 60_000 });
  }, 180_000);
  afterAll(() => system?.stop());

  const expected = (year: number, sitsIn: (placement: Placement) => boolean) =>
    meetings.filter(({ code, heldOn }) => heldOn.startsWith(`${year}-`) && sitsIn(placementOn(code, heldOn)!)).length;

  it.each([
    [HAI_BA_TRUNG, 2021], [HAI_BA_TRUNG, 2022], [HAI_BA_TRUNG, 2025],
    [THANH_KHE, 2021], [THANH_KHE, 2022], [THANH_KHE, 2025],
    [PHU_VANG, 2022], [HUE, 2022],
  ])('district %s, %i: the meetings of the wards that sat in it on each meeting\'s date, none after 2025-07-01', async (district, year) => {
    const { status, body } = await summary('districts', district, year);
    expect(status).toBe(200);
    expect(body.meetings.total).toBe(expected(year, (p) => p.district === district));
    expect(body.meetings.total).toBeGreaterThan(0);
  });

  it.each([
    ['districts', HAI_BA_TRUNG, 2022], ['districts', HAI_BA_TRUNG, 2025], ['districts', PHU_VANG, 2022],
    ['cities', '01', 2022], ['cities', '01', 2025], ['cities', '48', 2025], ['cities', '49', 2025],
  ] as const)('%s %s, %i: breaks its figures down by the units directly below it on each meeting\'s date', async (level, code, year) => {
    const { status, body } = await getJson(`${system.url('query-api')}/v1/summaries/${level}/${code}?year=${year}&breakdown=children`);
    expect(status).toBe(200);
    type Child = { code: string; level: string; name: string; from: string; to: string; meetings: { total: number } };
    const children = body.children as Child[];
    const sitsIn = (child: Child) => (meeting: { code: string; heldOn: string }) => {
      const placement = placementOn(meeting.code, meeting.heldOn)!;
      const inside = level === 'districts' ? placement.district === code : placement.province === code;
      const below = child.level === 'DISTRICT' ? placement.district === child.code : meeting.code === child.code && (level === 'districts' || placement.district === null);
      return inside && below && meeting.heldOn >= child.from && meeting.heldOn <= child.to;
    };
    const inYear = meetings.filter(({ heldOn }) => heldOn.startsWith(`${year}-`));
    expect(children.map((child) => ({ child: `${child.code} ${child.name}`, meetings: child.meetings.total }))).toEqual(
      children.map((child) => ({ child: `${child.code} ${child.name}`, meetings: inYear.filter(sitsIn(child)).length })),
    );
    expect(children.reduce((sum, child) => sum + child.meetings.total, 0)).toBe(body.meetings.total);
    expect(body.meetings.total).toBeGreaterThan(0);
    const csv = await fetch(`${system.url('query-api')}/v1/summaries/${level}/${code}?year=${year}&breakdown=children`, { headers: asAdministrator({ accept: 'text/csv' }) });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parse(await csv.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.code, row.name, Number(row.meetings)])).toEqual(children.map((child) => [child.code, child.name, child.meetings.total]));
  });

  it.each([
    ['districts', HAI_BA_TRUNG, 2022, 'month'], ['districts', HAI_BA_TRUNG, 2025, 'month'], ['districts', THANH_KHE, 2025, 'quarter'],
    ['cities', '01', 2022, 'month'], ['cities', '48', 2025, 'quarter'], ['cities', '49', 2025, 'month'], ['wards', BACH_MAI, 2025, 'month'],
  ] as const)('%s %s, %i: a series by %s counts each meeting in its period, as the summary counts it', async (level, code, year, interval) => {
    const { status, body } = await getJson(`${system.url('query-api')}/v1/summaries/${level}/${code}/series?year=${year}&interval=${interval}`);
    expect(status).toBe(200);
    const periods = body.periods as { period: string; from: string; to: string; meetings: { total: number } }[];
    expect(periods).toHaveLength(interval === 'month' ? 12 : 4);
    const counted = (await summary(level, code, year)).body.meetings.total;
    expect(periods.reduce((sum, p) => sum + p.meetings.total, 0)).toBe(counted);
    if (level === 'wards') return;
    const inside = (p: Placement) => (level === 'districts' ? p.district === code : p.province === code);
    expect(periods.map((p) => ({ period: p.period, meetings: p.meetings.total }))).toEqual(
      periods.map((p) => ({ period: p.period, meetings: meetings.filter(({ code: at, heldOn }) => heldOn >= p.from && heldOn <= p.to && inside(placementOn(at, heldOn)!)).length })),
    );
  });

  it('refuses a series without a range, with two, or over ten years, naming the field', async () => {
    const series = (query: string) => getJson(`${system.url('query-api')}/v1/summaries/cities/01/series?${query}`);
    expect(await series('')).toMatchObject({ status: 400, body: { errors: [{ field: '/from' }] } });
    expect(await series('year=2022&from=2022-01-01')).toMatchObject({ status: 400, body: { errors: [{ field: '/from' }] } });
    expect(await series('from=2015-01-01&to=2025-12-31')).toMatchObject({ status: 400, body: { errors: [{ field: '/to' }] } });
    expect(await series('year=2022&interval=week')).toMatchObject({ status: 400 });
    const range = await series('from=2022-02-10&to=2022-06-20');
    expect(range.body.periods.map((p: { period: string; from: string; to: string }) => [p.period, p.from, p.to])).toEqual([
      ['2022-02', '2022-02-10', '2022-02-28'], ['2022-03', '2022-03-01', '2022-03-31'], ['2022-04', '2022-04-01', '2022-04-30'],
      ['2022-05', '2022-05-01', '2022-05-31'], ['2022-06', '2022-06-01', '2022-06-20'],
    ]);
  });

  it.each([
    [HAI_BA_TRUNG, 2022], [HAI_BA_TRUNG, 2025], [THANH_KHE, 2025], [PHU_VANG, 2022], [HUE, 2022],
  ])('district %s, %i: lists with its descendants the same meetings the summary counts', async (district, year) => {
    const { status, body } = await getJson(`${system.url('query-api')}/v1/meetings?unitCode=${district}&includeDescendants=true&year=${year}&limit=1000`);
    expect(status).toBe(200);
    const listed = (body.items as { unitCode: string; heldOn: string }[]).map(({ unitCode, heldOn }) => `${unitCode} ${heldOn}`).sort();
    const sitting = meetings.filter(({ code, heldOn }) => heldOn.startsWith(`${year}-`) && placementOn(code, heldOn)!.district === district);
    expect(listed).toEqual(sitting.map(({ code, heldOn }) => `${code} ${heldOn}`).sort());
  });

  it.each([
    ['01', 2021], ['01', 2022], ['01', 2025],
    ['48', 2021], ['48', 2022], ['48', 2025],
    ['49', 2025], ['46', 2022],
  ])('city %s, %i: the meetings of the units in it on each meeting\'s date', async (city, year) => {
    const { body } = await summary('cities', city, year);
    expect(body.meetings.total).toBe(expected(year, (p) => p.province === city));
  });

  it('counts Thuận An in Phú Vang before the 2022 list and in Huế after it, never in both', async () => {
    const [phuVang, hue] = await Promise.all([summary('districts', PHU_VANG, 2022), summary('districts', HUE, 2022)]);
    expect(phuVang.body.units).toEqual(expect.arrayContaining([{ code: THUAN_AN, level: 'COMMUNE', name: 'Thị trấn Thuận An', from: '2022-01-01', to: '2022-04-09' }]));
    expect(hue.body.units).toEqual(expect.arrayContaining([{ code: THUAN_AN, level: 'COMMUNE', name: 'Phường Thuận An', from: '2022-04-10', to: '2022-12-31' }]));
    expect(phuVang.body.mapChangedDuringYear).toBe(true);
    expect(hue.body.mapChangedDuringYear).toBe(true);
  });

  it('says the 2025 district summary covers only the months the district existed', async () => {
    const { body } = await summary('districts', HAI_BA_TRUNG, 2025);
    expect(body.mapChangedDuringYear).toBe(true);
    expect(body.units[0]).toMatchObject({ code: HAI_BA_TRUNG, from: '2025-01-01', to: '2025-06-30' });
    expect(body.units.every((unit: { to: string }) => unit.to <= '2025-06-30')).toBe(true);
    expect((await summary('districts', HAI_BA_TRUNG, 2021)).body.mapChangedDuringYear).toBe(false);
  });

  it('keeps a reused code\'s two units apart: Tân Thạnh in Quảng Nam, Bàn Thạch in Đà Nẵng', async () => {
    const [quangNam, daNang] = await Promise.all([summary('cities', '49', 2025), summary('cities', '48', 2025)]);
    const spansOf = (body: { units: { code: string; name: string; from: string; to: string }[] }) => body.units.filter((u) => u.code === REUSED).map(({ name, from, to }) => ({ name, from, to }));
    expect(spansOf(quangNam.body)).toEqual([{ name: 'Phường Tân Thạnh', from: '2025-01-01', to: '2025-06-30' }]);
    expect(spansOf(daNang.body)).toEqual([{ name: 'Phường Bàn Thạch', from: '2025-07-01', to: '2025-12-31' }]);
    expect(quangNam.body.units.some((u: { code: string }) => u.code === CLOSED)).toBe(true);
    expect(daNang.body.units.some((u: { code: string }) => u.code === CLOSED)).toBe(false);
  });

  it('gives a ward summary the unit holding the code at the end of the year, and the one before apart', async () => {
    const { body } = await summary('wards', BACH_MAI, 2025);
    expect(body).toMatchObject({ unitCode: BACH_MAI, name: 'Phường Bạch Mai', mapChangedDuringYear: true });
    expect(body.meetings.total).toBe(meetings.filter((m) => m.code === BACH_MAI && m.heldOn >= REFORM).length);
    expect(body.formerUnitsWithThisCode).toEqual([expect.objectContaining({ name: 'Phường Bạch Mai', from: '2025-01-01', to: '2025-06-30' })]);
    expect(body.formerUnitsWithThisCode[0].meetings.total).toBe(meetings.filter((m) => m.code === BACH_MAI && m.heldOn.startsWith('2025-') && m.heldOn < REFORM).length);
  });

  describe('lineage of the 2025-01-01 mergers', () => {
    const units = (path: string) => getJson(`${system.url('query-api')}/v1/units${path}`);

    it('gives Phường Thanh Khê in 2022 every ward whose territory it holds, through both reorganisations, Hòa Minh as partial', async () => {
      const { status, body } = await getJson(`${system.url('query-api')}/v1/summaries/wards/${THANH_KHE_WARD}/successor-view?year=2022`);
      expect(status).toBe(200);
      const lineage = ['20203', '20206', '20207', '20209', '20212', '20215', '20218', '20221', '20225', HOA_MINH];
      expect(body.predecessors.map((p: { code: string }) => p.code).sort()).toEqual([...lineage].sort());
      expect(body.predecessors.find((p: { code: string }) => p.code === HOA_MINH)).toMatchObject({ name: 'Phường Hòa Minh', coverage: 'PARTIAL', from: '2022-01-01', to: '2022-12-31' });
      expect(body.predecessors.find((p: { code: string }) => p.code === '20203')).toMatchObject({ name: 'Phường Tam Thuận', coverage: 'FULL' });
      expect(body.includesPartialPredecessors).toBe(true);
      expect(body.meetings.total).toBe(meetings.filter((m) => lineage.includes(m.code) && m.heldOn.startsWith('2022-')).length);
    });

    it('answers the successors of the wards merged on 2025-01-01, dated and cited by the resolution', async () => {
      for (const [code, successor] of [['00286', '00292'], ['00184', '00181'], ['00223', '00235'], ['20203', '20209'], ['20221', '20218'], ['20225', '20207']]) {
        const { body } = await units(`/${code}/successors`);
        expect(body).toMatchObject({ ended: '2024-12-31', successorsKnown: true });
        expect(body.successors).toEqual([expect.objectContaining({ code: successor, effectiveFrom: '2025-01-01', datedBy: 'RESOLUTION', legalBasis: expect.stringMatching(/Nghị quyết/) })]);
      }
      const { body } = await units('/00010/successors');
      expect(body).toMatchObject({ code: '00010', ended: '2024-12-31', successors: [], successorsKnown: false });
    });

    it('points a former name to its successors', async () => {
      const { body } = await units(`?name=${encodeURIComponent('tam thuan')}`);
      const tamThuan = body.items.find((u: { code: string }) => u.code === '20203');
      expect(tamThuan).toMatchObject({ name: 'Phường Tam Thuận', validTo: '2024-12-31' });
      expect(tamThuan.successors).toEqual([expect.objectContaining({ code: THANH_KHE_WARD, name: 'Phường Xuân Hà', coverage: 'FULL' })]);
    });
  });
});
