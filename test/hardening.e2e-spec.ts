import { bearer, RunningSystem, testToken } from '@civic/testing';
import { getJson, MINH_KHAI, minhKhaiReview, postJson } from './meeting-requests';

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE events; --",
  '%\' OR \'%\'=\'',
  '") UNION SELECT password FROM pg_shadow --',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\u0000',
  'Ａ'.repeat(1000),
  // Longer than Node's 16 KiB header limit once encoded: refused by the HTTP server itself (431), before the app.
  'Ａ'.repeat(5000),
  '{"$gt": ""}',
];

/** Every filter and search parameter of query-api, with a valid value for the others. */
const FILTERS: Record<string, string[]> = {
  [`/v1/summaries/wards/${MINH_KHAI}`]: ['year', 'asOf'],
  '/v1/summaries/districts/007': ['year', 'asOf'],
  '/v1/summaries/cities/01': ['year', 'asOf'],
  [`/v1/summaries/wards/00070/successor-view`]: ['year', 'asOf'],
  '/v1/meetings': ['unitCode', 'kind', 'year', 'after', 'limit'],
  '/v1/commendations': ['unitCode', 'award', 'year', 'recipient', 'after', 'limit'],
  '/v1/emulation-movements': ['unitCode', 'status', 'after', 'limit'],
  '/v1/units': ['name', 'asOf'],
  '/v1/units/00070': ['asOf'],
  '/v1/audit/events': ['unitCode', 'includeDescendants', 'type', 'actor', 'correlationId', 'occurredFrom', 'occurredTo', 'recordedFrom', 'recordedTo', 'after', 'limit'],
};
const VALID: Record<string, string> = { year: '2021', name: 'minh khai' };
/** A browser dashboard served from another origin, listed in CORS_ORIGINS. */
const DASHBOARD_ORIGIN = 'http://dashboard.example.test:8080';

/** A browser's preflight before a cross-origin GET with a bearer token. */
const preflight = (url: string, origin: string) =>
  fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });

describe('Hardening of every entry point', () => {
  let system: RunningSystem;
  const meetings = () => `${system.url('records-api')}/v1/meetings`;
  const events = async () => Number((await system.database.pool.query('SELECT count(*) FROM events')).rows[0].count);
  const probe = async (path: string) => {
    const response = await fetch(`${system.url('query-api')}${path}`, { headers: bearer(testToken()) });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
  };
  const send = (body: string | Buffer, contentType: string) =>
    fetch(meetings(), { method: 'POST', headers: { 'content-type': contentType, ...bearer(testToken()) }, body });

  beforeAll(async () => {
    system = await RunningSystem.start({ environment: { THROTTLE_LIMIT_PER_MINUTE: '400', CORS_ORIGINS: DASHBOARD_ORIGIN } });
  });
  afterAll(() => system?.stop());

  it('refuses a body over 256 KiB with 413, and records nothing', async () => {
    const before = await events();
    const response = await send(JSON.stringify(minhKhaiReview({ venue: 'x'.repeat(300 * 1024) })), 'application/json');
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413, code: 'REQUEST.TOO_LARGE' });
    expect(await events()).toBe(before);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])('refuses a %s body with 415', async (type) => {
    const response = await send(type === 'application/x-www-form-urlencoded' ? 'unitCode=00295' : JSON.stringify(minhKhaiReview()), type);
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
  });

  it('refuses malformed JSON with 400 and no parser internals', async () => {
    const response = await send('{"unitCode": "00295",', 'application/json');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(expect.objectContaining({ code: 'REQUEST.MALFORMED_JSON', detail: 'The request body could not be read as JSON.' }));
  });

  it('refuses unknown properties at any depth, naming each', async () => {
    const response = await postJson(meetings(), { ...minhKhaiReview(), isAdmin: true, attendeeCount: { value: 3, qualifier: 'EXACT', extra: 1 } });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['/attendeeCount/extra', '/isAdmin']);
  });

  it('stores text as NFC and refuses text over its length limit', async () => {
    const decomposed = 'Hội nghị tổng kết'.normalize('NFD');
    const recorded = await postJson(meetings(), minhKhaiReview({ title: `  ${decomposed}  ` }));
    expect(recorded.status).toBe(201);
    const { rows } = await system.database.pool.query<{ title: string }>(`SELECT data->>'title' AS title FROM events WHERE stream_id = $1`, [recorded.body.streamId]);
    expect(rows[0].title).toBe('Hội nghị tổng kết'.normalize('NFC'));
    expect((await postJson(meetings(), minhKhaiReview({ title: 'x'.repeat(501) }))).body.errors).toEqual([{ field: '/title', message: expect.stringContaining('shorter than or equal to') }]);
  });

  it('answers injection strings in every filter and search parameter with 4xx or a valid answer, never 5xx, and records nothing', async () => {
    const before = await events();
    const failures: string[] = [];
    for (const [path, parameters] of Object.entries(FILTERS)) {
      for (const parameter of parameters) {
        for (const value of INJECTIONS) {
          const query = new URLSearchParams({ ...Object.fromEntries(parameters.filter((p) => p !== parameter && VALID[p]).map((p) => [p, VALID[p]])), [parameter]: value });
          const { status, contentType, text } = await probe(`${path}?${query}`);
          if (status >= 500 || (status !== 431 && !contentType.includes('json'))) failures.push(`${path} ${parameter}=${value.slice(0, 20)}: ${status} ${contentType} ${text.slice(0, 100)}`);
          if (/pg_shadow|syntax error|SELECT |\bat \w+ \(/.test(text) && status !== 200) failures.push(`${path} ${parameter}: leaks ${text.slice(0, 120)}`);
        }
      }
    }
    for (const value of INJECTIONS.slice(0, 4)) {
      for (const path of [`/v1/summaries/wards/${encodeURIComponent(value)}?year=2021`, `/v1/audit/streams/${encodeURIComponent(value)}`, `/v1/units/${encodeURIComponent(value)}`]) {
        const { status, contentType, text } = await probe(path);
        if (status >= 500 || !contentType.includes('json')) failures.push(`${path}: ${status} ${contentType} ${text.slice(0, 100)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await events()).toBe(before);
  });

  it('answers each body that was once accepted and dropped, or answered 500, with a 4xx naming what is wrong (issue #27)', async () => {
    const before = await events();
    const commendation = { form: 'GIAY_KHEN', commendationType: 'CONG_TRANG', issuer: { body: 'UBND', unitCode: MINH_KHAI }, grantedOn: '2021-01-12', reason: 'Thành tích năm 2020' };
    const cases: [string, string, string, string][] = [
      ['meetings', JSON.stringify(minhKhaiReview({ chairedBy: [{ fullName: 'Nguyễn Văn A', role: 'Chủ tịch' }] })), '/chairedBy', 'one object'],
      ['meetings', JSON.stringify(minhKhaiReview({ title: 'Hội nghị\u0000' })), '/title', 'U+0000'],
      ['meetings', JSON.stringify(minhKhaiReview({ title: 'TITLE' })).replace('TITLE', '\\ud800'), '/title', 'U+D800'],
      ['meetings', JSON.stringify(minhKhaiReview({ title: 'Hội nghị \u202Egnaht' })), '/title', 'bidirectional'],
      ['meetings', JSON.stringify(minhKhaiReview({ title: 'Hội\u200Bnghị' })), '/title', 'zero-width'],
      ['meetings', `${'['.repeat(5000)}${']'.repeat(5000)}`, '/', 'deeper than 64'],
      ['commendations', JSON.stringify(commendation), '/recipients', 'required'],
      ['emulation-movements/%00/reviews', JSON.stringify({ reviewKind: 'SO_KET', reviewedOn: '2021-07-01' }), '/id', 'U+0000'],
    ];
    for (const [path, body, field, says] of cases) {
      const response = await fetch(`${system.url('records-api')}/v1/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(testToken()) }, body });
      const problem = (await response.json()) as { errors?: unknown };
      expect({ path, status: response.status, contentType: response.headers.get('content-type') }).toEqual({ path, status: 400, contentType: expect.stringMatching(/^application\/problem\+json/) });
      expect(problem.errors).toEqual(expect.arrayContaining([{ field, message: expect.stringContaining(says) }]));
    }
    expect(await events()).toBe(before);
  });

  it('answers a path parameter holding NUL or bytes that are not UTF-8 with 400 Problem Details, before any query', async () => {
    for (const path of ['/v1/units/%00', '/v1/units/%FF', '/v1/audit/streams/meeting-%C3%28', '/v1/summaries/wards/%E0%80%80?year=2021', '/v1/meetings?unitCode=%00']) {
      const { status, contentType, text } = await probe(path);
      expect({ path, status, contentType }).toEqual({ path, status: 400, contentType: expect.stringMatching(/^application\/problem\+json/) });
      expect(JSON.parse(text)).toMatchObject({ code: 'REQUEST.INVALID', errors: [expect.objectContaining({ field: expect.stringMatching(/^\//) })] });
    }
  });

  it('sends security headers and no framework banner, on answers and on refusals', async () => {
    const services = ['records-api', 'query-api'] as const;
    for (const url of services.flatMap((service) => [`${system.url(service)}/health`, `${system.url(service)}/v1/no-such-resource`])) {
      const response = await fetch(url);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('x-powered-by')).toBeNull();
      // A page opened over plain HTTP (Swagger UI on an internal address) must still load its scripts.
      expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    }
  });

  it('lets a dashboard on a listed origin call the API from a browser, and no other origin', async () => {
    const summary = `${system.url('query-api')}/v1/summaries/wards/${MINH_KHAI}?year=2021`;
    const allowed = await preflight(summary, DASHBOARD_ORIGIN);
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(DASHBOARD_ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const answer = await fetch(summary, { headers: { origin: DASHBOARD_ORIGIN, ...bearer(testToken()) } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(DASHBOARD_ORIGIN);
    expect(answer.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(answer.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const other = await preflight(summary, 'http://elsewhere.example.test');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Rate limiting per subject', () => {
  let system: RunningSystem;
  const summary = (subject: string) => getJson(`${system.url('query-api')}/v1/summaries/wards/${MINH_KHAI}?year=2021`, bearer(testToken({ subject })));

  beforeAll(async () => {
    system = await RunningSystem.start({ environment: { THROTTLE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => system?.stop());

  it('answers 429 with Retry-After once a subject is over its limit, and keeps serving other subjects', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await summary('busy-client')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await summary('busy-client');
    expect(limited).toMatchObject({ status: 429, body: { status: 429, code: 'HTTP.429' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await summary('quiet-client')).status).toBe(200);
  });

  it('lets no other origin read an answer when CORS_ORIGINS is not set (the default)', async () => {
    const url = `${system.url('query-api')}/health`;
    expect((await preflight(url, DASHBOARD_ORIGIN)).headers.get('access-control-allow-origin')).toBeNull();
    const answer = await fetch(url, { headers: { origin: DASHBOARD_ORIGIN } });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });
});
