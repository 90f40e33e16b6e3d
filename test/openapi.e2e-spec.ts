import { validate } from '@readme/openapi-parser';
import { bearer, RunningSystem, testToken } from '@civic/testing';
import { RecordsApiModule } from '../apps/records-api/src/records-api.module';
import { QueryApiModule } from '../apps/query-api/src/query-api.module';
import { MINH_KHAI, minhKhaiReview } from './meeting-requests';
import { OpenApiContract, OpenApiDocument, Route, routesOf } from './contracts/openapi-contract';

const PROBLEM_SCHEMA = '#/components/schemas/ProblemDetailsResponse';

describe('The OpenAPI documents of records-api and query-api', () => {
  let system: RunningSystem;
  const documents: Record<'records-api' | 'query-api', OpenApiDocument> = { 'records-api': undefined, 'query-api': undefined };

  beforeAll(async () => {
    system = await RunningSystem.start();
    for (const app of ['records-api', 'query-api'] as const) {
      documents[app] = await (await fetch(`${system.url(app)}/docs-json`)).json();
    }
  });
  afterAll(() => system?.stop());

  it.each(['records-api', 'query-api'] as const)('%s serves a valid OpenAPI 3 document and a browsable page at /docs', async (app) => {
    expect(documents[app].openapi).toMatch(/^3\./);
    expect(await validate(structuredClone(documents[app]))).toMatchObject({ valid: true, warnings: [] });
    const page = await fetch(`${system.url(app)}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it.each([
    ['records-api', RecordsApiModule],
    ['query-api', QueryApiModule],
  ] as const)('%s documents every route, with its parameters, its answer and its Problem Details', (app, module) => {
    const contract = new OpenApiContract(documents[app]);
    const routes = routesOf(module);
    expect(routes.length).toBeGreaterThan(3);
    const documented = Object.entries(documents[app].paths).flatMap(([path, operations]) => Object.keys(operations as object).map((method) => `${method} ${path}`));
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());

    for (const route of routes) {
      const operation = contract.operation(route);
      const where = `${route.method} ${route.path}`;
      const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (operation.parameters ?? []).filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name);
      expect({ where, declared: declared.sort() }).toEqual({ where, declared: pathParameters.sort() });

      const statuses = Object.keys(operation.responses);
      const success = statuses.filter((s) => s.startsWith('2'));
      expect({ where, success: success.length }).toEqual({ where, success: 1 });
      expect({ where, schema: Boolean(operation.responses[success[0]].content?.['application/json']?.schema) }).toEqual({ where, schema: true });
      for (const status of statuses.filter((s) => !s.startsWith('2'))) {
        expect({ where, status, schema: operation.responses[status].content?.['application/problem+json']?.schema?.$ref }).toEqual({ where, status, schema: PROBLEM_SCHEMA });
      }
      expect({ where, has500: statuses.includes('500') }).toEqual({ where, has500: true });
    }
  });

  describe('real answers conform to the documented schemas', () => {
    const call = async (app: 'records-api' | 'query-api', route: Route, url: string, init?: RequestInit) => {
      const response = await fetch(`${system.url(app)}${url}`, { ...init, headers: { ...bearer(testToken()), ...(init?.headers as Record<string, string>) } });
      const body = await response.json();
      return { status: response.status, errors: new OpenApiContract(documents[app]).check(route, response.status, response.headers.get('content-type') ?? '', body), body };
    };
    const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it('for commands: 201 and a 400 that names the fields', async () => {
      const route = { method: 'post', path: '/v1/meetings' };
      expect(await call('records-api', route, '/v1/meetings', post(minhKhaiReview()))).toMatchObject({ status: 201, errors: [] });
      expect(await call('records-api', route, '/v1/meetings', post({ ...minhKhaiReview(), heldOn: 'hôm qua' }))).toMatchObject({ status: 400, errors: [] });
      const correction = { method: 'post', path: '/v1/meetings/{id}/corrections' };
      const missing = await call('records-api', correction, `/v1/meetings/${crypto.randomUUID()}/corrections`, post({ reason: 'x', meeting: minhKhaiReview() }));
      expect(missing).toMatchObject({ status: 428, errors: [] });
    });

    it.each([
      ['/v1/summaries/wards/{code}', `/v1/summaries/wards/${MINH_KHAI}?year=2021`],
      ['/v1/summaries/wards/{code}', `/v1/summaries/wards/${MINH_KHAI}?year=2021&asOf=${encodeURIComponent(new Date().toISOString())}`],
      ['/v1/summaries/districts/{code}', '/v1/summaries/districts/007?year=2021'],
      ['/v1/summaries/cities/{code}', '/v1/summaries/cities/01?year=2021'],
      ['/v1/summaries/districts/{code}', '/v1/summaries/districts/007?year=2026'],
      ['/v1/summaries/wards/{code}/successor-view', '/v1/summaries/wards/00070/successor-view?year=2024'],
      ['/v1/units', '/v1/units?name=minh%20khai'],
      ['/v1/units/{code}', '/v1/units/00070?asOf=2024-01-01'],
      ['/v1/units/{code}/children', '/v1/units/007/children?asOf=2021-01-01'],
      ['/v1/units/{code}/successors', '/v1/units/00070/successors'],
      ['/v1/meetings', `/v1/meetings?unitCode=${MINH_KHAI}`],
      ['/v1/commendations', '/v1/commendations?limit=5'],
      ['/v1/emulation-movements', '/v1/emulation-movements?status=ACTIVE'],
      ['/v1/audit/events', `/v1/audit/events?unitCode=${MINH_KHAI}&limit=5`],
      ['/v1/audit/events', '/v1/audit/events?recordedFrom=yesterday'],
      ['/health', '/health'],
    ])('for queries: %s answering %s', async (path, url) => {
      const result = await call('query-api', { method: 'get', path }, url);
      expect(result.errors).toEqual([]);
      expect(result.status).toBeLessThan(500);
    });

    it('for the audit of one record and its verification', async () => {
      const recorded = (await call('records-api', { method: 'post', path: '/v1/meetings' }, '/v1/meetings', post(minhKhaiReview({ title: 'Hội nghị để kiểm tra hợp đồng API' })))).body as { streamId: string };
      for (const [path, url] of [
        ['/v1/audit/streams/{streamId}', `/v1/audit/streams/${recorded.streamId}`],
        ['/v1/audit/streams/{streamId}/verify', `/v1/audit/streams/${recorded.streamId}/verify`],
        ['/v1/audit/streams/{streamId}', '/v1/audit/streams/meeting-unknown'],
      ]) {
        expect({ url, errors: (await call('query-api', { method: 'get', path }, url)).errors }).toEqual({ url, errors: [] });
      }
    });
  });
});
