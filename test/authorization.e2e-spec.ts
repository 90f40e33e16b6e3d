import { RunningSystem, testToken, waitFor } from '@civic/testing';
import { getJson, JsonResponse, minhKhaiReview, postJson } from './meeting-requests';

type Side = 'inside' | 'outside';
type Role = 'ward-clerk' | 'district-officer' | 'city-officer' | 'auditor' | 'integration-reader' | 'administrator';

/** Each role with the units it acts for, and every unit of the tests that lies inside that jurisdiction. */
const PRINCIPALS: Record<Role, { units: string[]; contains: string[] }> = {
  'ward-clerk': { units: ['00295'], contains: ['00295'] },
  'district-officer': { units: ['007'], contains: ['007', '00295'] },
  'city-officer': { units: ['01'], contains: ['01', '007', '00295', '00070'] },
  auditor: { units: [], contains: [] },
  'integration-reader': { units: [], contains: [] },
  administrator: { units: [], contains: [] },
};
const ROLES = Object.keys(PRINCIPALS) as Role[];
const ADMINISTRATORS: Role[] = ['administrator'];
const RECORDERS: Role[] = ['ward-clerk', 'district-officer', 'city-officer', 'administrator'];
const READERS: Role[] = ['ward-clerk', 'district-officer', 'city-officer', 'auditor', 'administrator'];
const NATIONAL: Role[] = ['auditor', 'administrator'];

/** Phường Minh Khai (Quận Hai Bà Trưng, Hà Nội) inside; Phường Tân Định (Quận 1, TP Hồ Chí Minh) outside. */
const WARD: Record<Side, string> = { inside: '00295', outside: '26734' };
const DISTRICT: Record<Side, string> = { inside: '007', outside: '760' };
const CITY: Record<Side, string> = { inside: '01', outside: '79' };
/** Wards created by the 2025 reform, for their successor views of 2024. */
const NEW_WARD: Record<Side, string> = { inside: '00070', outside: '25747' };

const CHAIR = 'Nguyễn Văn An';
const meeting = (ward: string) =>
  minhKhaiReview({ unitCode: ward, convenedBy: [{ body: 'UBND', unitCode: ward }], title: `Hội nghị của phường ${ward}`, chairs: [{ fullName: CHAIR, role: 'Chủ tịch UBND phường' }] });
// Each grant a distinct achievement: the same one twice is refused (one achievement, one award).
let grants = 0;
const commendation = (ward: string) => ({
  form: 'GIAY_KHEN', commendationType: 'CONG_TRANG', issuer: { body: 'UBND', unitCode: ward }, grantedOn: '2021-02-01',
  recipients: { collectives: { count: 1 } }, reason: `Thành tích năm 2020, đợt ${(grants += 1)}`,
});
const proposal = (ward: string) => ({
  proposer: { body: 'KHOI_DAN_VAN', unitCode: ward }, proposedTo: { body: 'DANG_UY', unitCode: ward }, proposedOn: '2021-01-20', form: 'GIAY_KHEN',
  forYear: 2020, recipients: { collectives: { count: 2 } }, reason: 'Đề nghị khen thưởng thành tích công tác dân vận năm 2020',
});
const movement = (ward: string) => ({
  name: `Phong trào thi đua của phường ${ward}`, kind: 'PHONG_TRAO', form: 'THUONG_XUYEN', scope: 'DIA_PHUONG',
  launchedBy: { body: 'UBND', unitCode: ward }, launchedOn: '2021-01-15', period: { from: '2021-01-01', to: '2021-12-31' },
});

interface Endpoint {
  readonly name: string;
  readonly allowed: readonly Role[];
  /** The unit whose jurisdiction decides, or undefined when only the role does. */
  readonly unit?: (side: Side) => string;
  readonly success: number;
  readonly call: (system: RunningSystem, side: Side, role: Role, headers: Record<string, string>) => Promise<JsonResponse>;
}

/** Records made beforehand (as administrator) for the endpoints that change an existing record, one per role and side. */
const existing = new Map<string, string>();
const key = (kind: string, role: Role, side: Side) => `${kind}:${role}:${side}`;
const idOf = (streamId: string) => streamId.replace(/^(meeting|commendation-proposal|commendation|emulation-movement)-/, '');

const ENDPOINTS: Endpoint[] = [
  { name: 'POST /v1/meetings', allowed: RECORDERS, unit: (s) => WARD[s], success: 201, call: (sys, s, _r, h) => postJson(`${sys.url('records-api')}/v1/meetings`, meeting(WARD[s]), h) },
  {
    name: 'POST /v1/meetings/{id}/corrections', allowed: RECORDERS, unit: (s) => WARD[s], success: 201,
    call: (sys, s, r, h) => postJson(`${sys.url('records-api')}/v1/meetings/${existing.get(key('meeting', r, s))}/corrections`, { reason: 'Sửa', meeting: meeting(WARD[s]) }, { ...h, 'if-match': '"1"' }),
  },
  { name: 'POST /v1/commendations', allowed: RECORDERS, unit: (s) => WARD[s], success: 201, call: (sys, s, _r, h) => postJson(`${sys.url('records-api')}/v1/commendations`, commendation(WARD[s]), h) },
  {
    name: 'POST /v1/commendations/{id}/revocation', allowed: RECORDERS, unit: (s) => WARD[s], success: 201,
    call: (sys, s, r, h) => postJson(`${sys.url('records-api')}/v1/commendations/${existing.get(key('commendation', r, s))}/revocation`, { revokedOn: '2021-03-01', reason: 'Thu hồi' }, { ...h, 'if-match': '"1"' }),
  },
  {
    name: 'POST /v1/commendations/{id}/withdrawal', allowed: RECORDERS, unit: (s) => WARD[s], success: 201,
    call: (sys, s, r, h) => postJson(`${sys.url('records-api')}/v1/commendations/${existing.get(key('withdrawable', r, s))}/withdrawal`, { reason: 'Ghi nhầm' }, { ...h, 'if-match': '"1"' }),
  },
  { name: 'POST /v1/commendation-proposals', allowed: RECORDERS, unit: (s) => WARD[s], success: 201, call: (sys, s, _r, h) => postJson(`${sys.url('records-api')}/v1/commendation-proposals`, proposal(WARD[s]), h) },
  {
    name: 'POST /v1/commendation-proposals/{id}/decision', allowed: RECORDERS, unit: (s) => WARD[s], success: 201,
    call: (sys, s, r, h) =>
      postJson(`${sys.url('records-api')}/v1/commendation-proposals/${existing.get(key('proposal', r, s))}/decision`, { decidedBy: { body: 'DANG_UY', unitCode: WARD[s] }, decidedOn: '2021-02-01', outcome: 'REFUSED', reason: 'Chưa đủ điều kiện' }, { ...h, 'if-match': '"1"' }),
  },
  { name: 'POST /v1/emulation-movements', allowed: RECORDERS, unit: (s) => WARD[s], success: 201, call: (sys, s, _r, h) => postJson(`${sys.url('records-api')}/v1/emulation-movements`, movement(WARD[s]), h) },
  {
    name: 'POST /v1/emulation-movements/{id}/reviews', allowed: RECORDERS, unit: (s) => WARD[s], success: 201,
    call: (sys, s, r, h) => postJson(`${sys.url('records-api')}/v1/emulation-movements/${existing.get(key('movement', r, s))}/reviews`, { reviewKind: 'SO_KET', reviewedOn: '2021-07-01' }, h),
  },
  {
    // Whatever the unit: erasing a person's data is for administrators alone.
    name: 'POST /v1/personal-data/erasures', allowed: ADMINISTRATORS, success: 201,
    call: (sys, s, r, h) => postJson(`${sys.url('records-api')}/v1/personal-data/erasures`, { streamId: `meeting-${existing.get(key('meeting', r, s))}`, personName: CHAIR, reason: 'Đơn đề nghị xóa dữ liệu' }, h),
  },
  {
    // The keys that open names on Kafka: integrations authorised to read names, and administrators.
    name: 'GET /v1/personal-data/keys/{keyId}', allowed: ['integration-reader', 'administrator'], success: 200,
    call: async (sys, _s, _r, h) => {
      const { rows } = await sys.database.pool.query<{ key_id: string }>('SELECT key_id FROM personal_data_keys WHERE wrapped_key IS NOT NULL LIMIT 1');
      return getJson(`${sys.url('query-api')}/v1/personal-data/keys/${rows[0].key_id}`, h);
    },
  },
  ...[
    ['GET /v1/summaries/wards/{code}', (s: Side) => WARD[s], (c: string) => `/v1/summaries/wards/${c}?year=2021`],
    ['GET /v1/summaries/wards/{code}/successor-view', (s: Side) => NEW_WARD[s], (c: string) => `/v1/summaries/wards/${c}/successor-view?year=2024`],
    ['GET /v1/summaries/districts/{code}', (s: Side) => DISTRICT[s], (c: string) => `/v1/summaries/districts/${c}?year=2021`],
    ['GET /v1/summaries/cities/{code}', (s: Side) => CITY[s], (c: string) => `/v1/summaries/cities/${c}?year=2021`],
    ['GET /v1/summaries/wards/{code}/series', (s: Side) => WARD[s], (c: string) => `/v1/summaries/wards/${c}/series?year=2021`],
    ['GET /v1/summaries/districts/{code}/series', (s: Side) => DISTRICT[s], (c: string) => `/v1/summaries/districts/${c}/series?year=2021&interval=quarter`],
    ['GET /v1/summaries/cities/{code}/series', (s: Side) => CITY[s], (c: string) => `/v1/summaries/cities/${c}/series?from=2021-01-01&to=2021-06-30`],
    ['GET /v1/meetings', (s: Side) => WARD[s], (c: string) => `/v1/meetings?unitCode=${c}`],
    ['GET /v1/commendations', (s: Side) => WARD[s], (c: string) => `/v1/commendations?unitCode=${c}&year=2021`],
    ['GET /v1/emulation-movements', (s: Side) => WARD[s], (c: string) => `/v1/emulation-movements?unitCode=${c}`],
    ['GET /v1/commendation-proposals', (s: Side) => WARD[s], (c: string) => `/v1/commendation-proposals?unitCode=${c}&year=2021`],
  ].map(([name, unit, path]) => ({
    name: name as string, allowed: READERS, unit: unit as (s: Side) => string, success: 200,
    call: (sys: RunningSystem, s: Side, _r: Role, h: Record<string, string>) => getJson(`${sys.url('query-api')}${(path as (c: string) => string)((unit as (s: Side) => string)(s))}`, h),
  })),
  {
    name: 'GET /v1/commendations/{id}', allowed: READERS, unit: (s) => WARD[s], success: 200,
    call: (sys, s, r, h) => getJson(`${sys.url('query-api')}/v1/commendations/${existing.get(key('withdrawable', r, s))}`, h),
  },
  {
    name: 'GET /v1/meetings/{id}', allowed: READERS, unit: (s) => WARD[s], success: 200,
    call: (sys, s, r, h) => getJson(`${sys.url('query-api')}/v1/meetings/${existing.get(key('meeting', r, s))}`, h),
  },
  {
    name: 'GET /v1/emulation-movements/{id}', allowed: READERS, unit: (s) => WARD[s], success: 200,
    call: (sys, s, r, h) => getJson(`${sys.url('query-api')}/v1/emulation-movements/${existing.get(key('movement', r, s))}`, h),
  },
  {
    // One record: the unit it was recorded under decides.
    name: 'GET /v1/commendation-proposals/{id}', allowed: READERS, unit: (s) => WARD[s], success: 200,
    call: (sys, s, r, h) => getJson(`${sys.url('query-api')}/v1/commendation-proposals/${existing.get(key('proposal', r, s))}`, h),
  },
  ...[
    ['GET /v1/units/{code}', (c: string) => `/v1/units/${c}?asOf=2021-06-01`],
    ['GET /v1/units/{code}/children', (c: string) => `/v1/units/${c}/children?asOf=2021-06-01`],
    ['GET /v1/units/{code}/successors', (c: string) => `/v1/units/${c}/successors`],
    ['GET /v1/units', () => '/v1/units?name=minh%20khai'],
  ].map(([name, path]) => ({
    name: name as string, allowed: ROLES, success: 200,
    call: (sys: RunningSystem, s: Side, _r: Role, h: Record<string, string>) => getJson(`${sys.url('query-api')}${(path as (c: string) => string)(WARD[s])}`, h),
  })),
  ...[
    ['GET /v1/audit/events', (s: Side) => `/v1/audit/events?unitCode=${WARD[s]}&limit=5`],
    ['GET /v1/audit/streams/{streamId}', (s: Side, r: Role) => `/v1/audit/streams/meeting-${existing.get(key('meeting', r, s))}`],
    ['GET /v1/audit/streams/{streamId}/verify', (s: Side, r: Role) => `/v1/audit/streams/meeting-${existing.get(key('meeting', r, s))}/verify`],
  ].map(([name, path]) => ({
    name: name as string, allowed: NATIONAL, success: 200,
    call: (sys: RunningSystem, s: Side, r: Role, h: Record<string, string>) => getJson(`${sys.url('query-api')}${(path as (s: Side, r: Role) => string)(s, r)}`, h),
  })),
];

function expectedStatus(endpoint: Endpoint, role: Role, side: Side): number {
  if (!endpoint.allowed.includes(role)) return 403;
  if (!endpoint.unit || NATIONAL.includes(role)) return endpoint.success;
  return PRINCIPALS[role].contains.includes(endpoint.unit(side)) ? endpoint.success : 403;
}

const CASES = ENDPOINTS.flatMap((endpoint) =>
  ROLES.flatMap((role) => (['inside', 'outside'] as Side[]).map((side) => ({ endpoint, role, side, expected: expectedStatus(endpoint, role, side) }))),
);

/** Every endpoint × role × inside/outside the role's jurisdiction, and the status it must answer. */
describe('Who may do what', () => {
  let system: RunningSystem;
  const tokenOf = (role: Role) => ({ authorization: `Bearer ${testToken({ subject: `test-${role}`, roles: [role], units: PRINCIPALS[role].units })}` });
  const events = async () => Number((await system.database.pool.query('SELECT count(*) FROM events')).rows[0].count);

  beforeAll(async () => {
    system = await RunningSystem.start();
    for (const role of ROLES) {
      for (const side of ['inside', 'outside'] as Side[]) {
        const made = await Promise.all([
          postJson(`${system.url('records-api')}/v1/meetings`, meeting(WARD[side])),
          postJson(`${system.url('records-api')}/v1/commendations`, commendation(WARD[side])),
          postJson(`${system.url('records-api')}/v1/emulation-movements`, movement(WARD[side])),
          postJson(`${system.url('records-api')}/v1/commendation-proposals`, proposal(WARD[side])),
          postJson(`${system.url('records-api')}/v1/commendations`, commendation(WARD[side])),
        ]);
        expect(made.map((m) => m.status)).toEqual([201, 201, 201, 201, 201]);
        ['meeting', 'commendation', 'movement', 'proposal', 'withdrawable'].forEach((kind, index) => existing.set(key(kind, role, side), idOf(made[index].body.streamId)));
      }
    }
    // A proposal is read from its read model: wait until the projector has every one.
    const proposals = [...existing.keys()].filter((k) => k.startsWith('proposal:')).length;
    await waitFor('every proposal projected', async () => Number((await system.database.pool.query('SELECT count(*) FROM rm_commendation_proposals')).rows[0].count) >= proposals || undefined);
    await waitFor('every grant projected', async () => Number((await system.database.pool.query('SELECT count(*) FROM rm_commendations')).rows[0].count) >= 2 * proposals || undefined);
    await waitFor('every meeting projected', async () => Number((await system.database.pool.query('SELECT count(*) FROM rm_meetings')).rows[0].count) >= proposals || undefined);
    await waitFor('every movement projected', async () => Number((await system.database.pool.query('SELECT count(*) FROM rm_movements')).rows[0].count) >= proposals || undefined);
  });
  afterAll(() => system?.stop());

  it.each(CASES.map((c) => [c.endpoint.name, c.role, c.side, c.expected, c] as const))('%s as %s, %s the jurisdiction: %i', async (_name, role, side, expected, { endpoint }) => {
    const before = await events();
    const response = await endpoint.call(system, side, role, tokenOf(role));
    expect({ status: response.status, code: response.body.code }).toEqual({ status: expected, code: expected === 403 ? expect.stringMatching(/^ACCESS\./) : response.body.code });
    if (expected === 403) {
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.detail).toEqual(expect.any(String));
      expect(await events()).toBe(before);
    }
  });

  it('records the actor from the token, never from the body', async () => {
    const response = await postJson(`${system.url('records-api')}/v1/meetings`, { ...meeting(WARD.inside), actor: 'someone-else' }, tokenOf('ward-clerk'));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: '/actor', message: 'property actor should not exist' }]);
    const recorded = await postJson(`${system.url('records-api')}/v1/meetings`, meeting(WARD.inside), tokenOf('ward-clerk'));
    const { body } = await getJson(`${system.url('query-api')}/v1/audit/streams/${recorded.body.streamId}`);
    expect(body.versions[0].metadata.actor).toEqual({ subject: 'test-ward-clerk', roles: ['ward-clerk'] });
  });

  it('asks scoped roles to name a unit on lists, and lets national roles list every unit', async () => {
    const clerk = await getJson(`${system.url('query-api')}/v1/meetings`, tokenOf('ward-clerk'));
    expect(clerk).toMatchObject({ status: 403, body: { code: 'ACCESS.UNIT_REQUIRED' } });
    expect((await getJson(`${system.url('query-api')}/v1/meetings`, tokenOf('auditor'))).status).toBe(200);
  });

  it('judges a district officer by the hierarchy on the fact’s date: no jurisdiction over a ward after districts ended', async () => {
    const after = await postJson(`${system.url('records-api')}/v1/meetings`, { ...meeting(WARD.inside), heldOn: '2025-07-15', reviewYear: undefined, planYear: undefined }, tokenOf('district-officer'));
    expect(after).toMatchObject({ status: 403, body: { code: 'ACCESS.OUTSIDE_JURISDICTION' } });
    expect(after.body.detail).toContain('on 2025-07-15');
  });

  it('lets a former district’s officer read the district’s history, and says why the successor wards need another token', async () => {
    const query = system.url('query-api');
    const officer = tokenOf('district-officer');
    expect((await getJson(`${query}/v1/summaries/districts/007?year=2025`, officer)).body).toMatchObject({ unitCode: '007', units: expect.arrayContaining([expect.objectContaining({ code: '007', to: '2025-06-30' })]) });
    expect((await getJson(`${query}/v1/meetings?unitCode=007&includeDescendants=true&year=2025`, officer)).status).toBe(200);
    const gone = await getJson(`${query}/v1/summaries/districts/007?year=2026`, officer);
    expect(gone).toMatchObject({ status: 404 });
    expect(gone.body.detail).toContain('abolished on 2025-07-01');
    // Phường Bạch Mai took part of Minh Khai on 2025-07-01; it lies in the city, not in the district that ended.
    const successor = await getJson(`${query}/v1/summaries/wards/00292?year=2026`, officer);
    expect(successor).toMatchObject({ status: 403, body: { code: 'ACCESS.OUTSIDE_JURISDICTION' } });
    expect(successor.body.detail).toContain('Quận Hai Bà Trưng (007) existed until 2025-06-30');
    expect(successor.body.detail).toContain('token for your commune or city');
    expect((await getJson(`${query}/v1/summaries/wards/00292?year=2026`, tokenOf('city-officer'))).status).toBe(200);
    expect((await getJson(`${query}/v1/summaries/wards/00292/successor-view?year=2024`, tokenOf('city-officer'))).status).toBe(200);
    const successorClerk = { authorization: `Bearer ${testToken({ subject: 'bach-mai-clerk', roles: ['ward-clerk'], units: ['00292'] })}` };
    expect((await getJson(`${query}/v1/summaries/wards/00292/successor-view?year=2024`, successorClerk)).status).toBe(200);
    expect((await getJson(`${query}/v1/summaries/wards/00292?year=2026`, successorClerk)).status).toBe(200);
  });
});

/**
 * A command names units besides its own: convening bodies, joint issuers, a proposer. Each must be in the
 * recorder's jurisdiction on the fact's date, so no clerk can attribute a fact to another ward's body. A body of a
 * unit above the meeting's own may convene it with the unit's bodies (a district's HĐND deputies meeting voters
 * with the ward's Front: docs/adr/0035-units-a-record-names.md).
 */
describe('Every unit a command names lies in the recorder’s jurisdiction', () => {
  let system: RunningSystem;
  const NEIGHBOUR = '00241'; // Phường Nguyễn Du, another ward of Quận Hai Bà Trưng
  const clerk = { authorization: `Bearer ${testToken({ subject: 'clerk-minh-khai', roles: ['ward-clerk'], units: [WARD.inside] })}` };
  const officer = { authorization: `Bearer ${testToken({ subject: 'officer-hai-ba-trung', roles: ['district-officer'], units: [DISTRICT.inside] })}` };
  const events = async () => Number((await system.database.pool.query('SELECT count(*) FROM events')).rows[0].count);
  const conveningWith = (unit: string, ...others: { body: string; unitCode: string }[]) =>
    minhKhaiReview({ unitCode: unit, convenedBy: [{ body: 'UB_MTTQ', unitCode: unit }, ...others], title: `Hội nghị ${others.map((o) => o.unitCode).join(', ')}` });

  beforeAll(async () => {
    system = await RunningSystem.start();
  });
  afterAll(() => system?.stop());

  it.each([
    ['a clerk naming a body of another ward as convener', clerk, conveningWith(WARD.inside, { body: 'UBND', unitCode: NEIGHBOUR }), '/convenedBy/1/unitCode'],
    ['a clerk naming a body of a ward of another city', clerk, conveningWith(WARD.inside, { body: 'UBND', unitCode: WARD.outside }), '/convenedBy/1/unitCode'],
    ['a district officer naming a body of another district', officer, conveningWith(DISTRICT.inside, { body: 'UBND', unitCode: '006' }), '/convenedBy/1/unitCode'],
  ])('refuses %s (403), recording nothing', async (_, token, body, field) => {
    const before = await events();
    const response = await postJson(`${system.url('records-api')}/v1/meetings`, body, token);
    expect(response).toMatchObject({ status: 403, body: { code: 'ACCESS.NAMED_UNIT_OUTSIDE_JURISDICTION' } });
    expect(response.body.detail).toContain(field);
    expect(await events()).toBe(before);
  });

  it.each([
    ['the district People’s Council convening a ward meeting with the ward’s Front', clerk, conveningWith(WARD.inside, { body: 'HDND', unitCode: DISTRICT.inside })],
    ['the city’s Front convening with the ward', clerk, conveningWith(WARD.inside, { body: 'UB_MTTQ', unitCode: CITY.inside })],
    ['a district officer naming a body of one of the district’s wards', officer, conveningWith(DISTRICT.inside, { body: 'UBND', unitCode: WARD.inside })],
  ])('admits %s (201)', async (_, token, body) => {
    expect((await postJson(`${system.url('records-api')}/v1/meetings`, body, token)).status).toBe(201);
  });

  it('checks the units of a correction as those of a new record', async () => {
    const recorded = await postJson(`${system.url('records-api')}/v1/meetings`, conveningWith(WARD.inside), clerk);
    const id = idOf(recorded.body.streamId);
    const moved = await postJson(`${system.url('records-api')}/v1/meetings/${id}/corrections`, { reason: 'Sửa', meeting: conveningWith(WARD.inside, { body: 'UBND', unitCode: NEIGHBOUR }) }, { ...clerk, 'if-match': '"1"' });
    expect(moved).toMatchObject({ status: 403, body: { code: 'ACCESS.NAMED_UNIT_OUTSIDE_JURISDICTION' } });
    expect(moved.body.detail).toContain('/meeting/convenedBy/1/unitCode');
  });

  it('refuses joint issuers and proposers outside the jurisdiction, and admits a ward proposing to its district', async () => {
    const grant = (issuer: string, extra: Record<string, unknown>) => ({ ...commendation(issuer), ...extra });
    const jointly = await postJson(`${system.url('records-api')}/v1/commendations`, grant(WARD.inside, { jointIssuers: [{ body: 'UB_MTTQ', unitCode: NEIGHBOUR }] }), clerk);
    expect(jointly).toMatchObject({ status: 403, body: { code: 'ACCESS.NAMED_UNIT_OUTSIDE_JURISDICTION' } });
    expect(jointly.body.detail).toContain('/jointIssuers/0/unitCode');
    // A higher body is no joint issuer of a ward's certificate: only the units of a meeting's conveners may lie above.
    const above = await postJson(`${system.url('records-api')}/v1/commendations`, grant(WARD.inside, { jointIssuers: [{ body: 'UB_MTTQ', unitCode: DISTRICT.inside }] }), clerk);
    expect(above).toMatchObject({ status: 403, body: { code: 'ACCESS.NAMED_UNIT_OUTSIDE_JURISDICTION' } });
    const proposed = await postJson(`${system.url('records-api')}/v1/commendations`, grant(WARD.inside, { proposer: { body: 'UBND', unitCode: NEIGHBOUR } }), clerk);
    expect(proposed).toMatchObject({ status: 403, body: { code: 'ACCESS.NAMED_UNIT_OUTSIDE_JURISDICTION' } });
    expect(proposed.body.detail).toContain('/proposer/unitCode');
    const fromWard = await postJson(`${system.url('records-api')}/v1/commendations`, grant(DISTRICT.inside, { proposer: { body: 'UBND', unitCode: WARD.inside } }), officer);
    expect(fromWard.status).toBe(201);
  });
});
