import { randomUUID } from 'node:crypto';
import { RunningSystem, testToken, waitFor } from '@civic/testing';
import { getJson, MINH_KHAI, minhKhaiReview, postJson } from './meeting-requests';

type LogLine = Record<string, unknown>;

describe('Structured logs', () => {
  let system: RunningSystem;
  /** The lines a service wrote, as the test saw them ("[service] line"). */
  const linesOf = (service: string) => system.output.filter((line) => line.startsWith(`[${service}] `)).map((line) => line.slice(service.length + 3));
  const requestLines = (service: string): LogLine[] =>
    linesOf(service)
      .map((line) => JSON.parse(line) as LogLine)
      .filter((line) => line.msg === 'request' || line.msg === 'request failed');

  beforeAll(async () => {
    system = await RunningSystem.start();
  });
  afterAll(() => system?.stop());

  it('writes every line of every service as one JSON object, with its level, time and service, and no colour codes', async () => {
    expect((await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview())).status).toBe(201);
    for (const service of ['records-api', 'query-api', 'event-relay', 'projector']) {
      const lines = linesOf(service);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        expect(line).not.toMatch(/\u001b\[/);
        const parsed = JSON.parse(line) as LogLine;
        expect(parsed).toMatchObject({ service, level: expect.stringMatching(/^(fatal|error|warn|info|debug|trace)$/) });
        expect(typeof parsed.time).toBe('string');
      }
    }
  });

  it('logs each request once answered with its correlation id, the caller, route template, status and duration; the event and the answer carry the same id', async () => {
    const correlationId = `trace-${randomUUID()}`;
    const token = testToken();
    const recorded = await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: 'Hội nghị có mã tương quan' }), { 'x-correlation-id': correlationId, authorization: `Bearer ${token}` });
    expect(recorded.status).toBe(201);
    expect(recorded.headers.get('x-correlation-id')).toBe(correlationId);

    const line = await waitFor('the request line of the command', async () => requestLines('records-api').find((l) => l.correlationId === correlationId));
    expect(line).toMatchObject({ level: 'info', service: 'records-api', subject: 'test-administrator', method: 'POST', route: '/v1/meetings', status: 201 });
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(requestLines('records-api').filter((l) => l.correlationId === correlationId)).toHaveLength(1);
    expect(system.output.join('\n')).not.toContain(token);

    const audit = await waitFor('the event in the audit', async () => {
      const answer = await getJson(`${system.url('query-api')}/v1/audit/events?correlationId=${correlationId}`);
      return answer.status === 200 && answer.body.items.length ? answer.body.items : undefined;
    });
    expect(audit.map((event: { metadata: { correlationId: string } }) => event.metadata.correlationId)).toEqual([correlationId]);
  });

  it('gives a request that brings no correlation id one of its own, the same in the answer, the log and the event', async () => {
    const recorded = await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: 'Hội nghị không mang mã' }));
    expect(recorded.status).toBe(201);
    const generated = recorded.headers.get('x-correlation-id')!;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor('the request line', async () => requestLines('records-api').find((l) => l.correlationId === generated));
    const audit = await waitFor('the event in the audit', async () => {
      const answer = await getJson(`${system.url('query-api')}/v1/audit/events?correlationId=${generated}`);
      return answer.status === 200 && answer.body.items.length ? answer.body.items : undefined;
    });
    expect(audit[0].metadata.correlationId).toBe(generated);
  });

  it('logs refusals and reads too: no subject before a token is checked, the route template and never the address asked', async () => {
    const refused = await getJson(`${system.url('query-api')}/v1/summaries/wards/${MINH_KHAI}?year=2021`, { authorization: '' });
    expect(refused.status).toBe(401);
    const read = await getJson(`${system.url('query-api')}/v1/summaries/wards/${MINH_KHAI}?year=2021`);
    expect(read.status).toBe(200);
    const [refusedLine, readLine] = await Promise.all(
      [refused, read].map((answer) => waitFor('the request line', async () => requestLines('query-api').find((l) => l.correlationId === answer.headers.get('x-correlation-id')))),
    );
    expect(refusedLine).toMatchObject({ subject: null, method: 'GET', route: '/v1/summaries/wards/:code', status: 401 });
    expect(readLine).toMatchObject({ subject: 'test-administrator', route: '/v1/summaries/wards/:code', status: 200 });
  });
});
