import { isConnectionLoss } from '@civic/database';
import { RunningSystem, waitFor } from '@civic/testing';
import { SERVICE_NAMES } from '@civic/local-run';
import { getJson } from './meeting-requests';

/** Liveness, readiness and the bounds on time travel, as an operator and an orchestrator see them. */
describe('Liveness and readiness', () => {
  let system: RunningSystem;
  const health = (service: (typeof SERVICE_NAMES)[number], which: 'live' | 'ready') => getJson(`${system.url(service)}/health/${which}`, { authorization: '' });

  beforeAll(async () => {
    // A relay that steps down waits 3 s before competing again: long enough to be seen not ready.
    system = await RunningSystem.start({ environment: { RELAY_STANDBY_RETRY_MS: '3000', RELAY_MAX_RETRY_MS: '3000', TIME_TRAVEL_BUDGET_MS: '1', TIME_TRAVEL_CONCURRENCY: '1' } });
  });
  afterAll(() => system?.stop());

  it('answers live and, once started, ready on every service, without a token, with the numbers', async () => {
    for (const service of SERVICE_NAMES) {
      expect((await health(service, 'live')).body).toEqual({ status: 'ok', service });
      const ready = await waitFor(`${service} ready`, async () => {
        const answer = await health(service, 'ready');
        return answer.status === 200 ? answer : undefined;
      }, { timeoutMs: 30_000 });
      expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    }
    const relay = (await health('event-relay', 'ready')).body.info['event-relay'];
    expect(relay).toMatchObject({ status: 'up', role: 'leader', eventsBeyondCheckpoint: false, logHead: { position: expect.any(String) }, checkpoint: { position: expect.any(String) } });
    const projector = (await health('projector', 'ready')).body.info.projector;
    expect(projector).toMatchObject({ status: 'up', consuming: true, lag: expect.any(Number), lagByPartition: expect.any(Object) });
  });

  it('says the relay is not ready, and why, while it is between leads; and ready again once it leads, by itself', async () => {
    await waitFor('the lock session terminated', async () => {
      try {
        const { rows } = await system.database.pool.query<{ n: number }>(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'event-relay-lock'`,
        );
        return rows[0].n > 0 || undefined;
      } catch (error) {
        if (isConnectionLoss(error)) return undefined;
        throw error;
      }
    });
    const down = await waitFor('the relay not ready', async () => {
      const answer = await health('event-relay', 'ready');
      return answer.status === 503 ? answer : undefined;
    }, { timeoutMs: 10_000 });
    expect(down.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(down.body).toMatchObject({
      status: 503,
      code: 'SERVICE.NOT_READY',
      detail: expect.stringContaining('event-relay: stepped down (lock session lost'),
      checks: { database: { status: 'up' }, 'event-relay': { status: 'down', role: 'standby' } },
    });
    await waitFor('the relay ready again', async () => (await health('event-relay', 'ready')).status === 200, { timeoutMs: 30_000 });
    expect(system.alive('event-relay')).toBe(true);
  });

  it('refuses time travel past its budget with 503 and Retry-After, and keeps live answers coming', async () => {
    const asOf = encodeURIComponent(new Date().toISOString());
    const refused = await getJson(`${system.url('query-api')}/v1/summaries/cities/01?year=2022&asOf=${asOf}`);
    expect(refused).toMatchObject({ status: 503, body: { code: 'QUERY.TIME_TRAVEL_TOO_LONG' } });
    expect(refused.headers.get('retry-after')).toBe('30');
    expect((await getJson(`${system.url('query-api')}/v1/summaries/cities/01?year=2022`)).status).toBe(200);
  });
});
