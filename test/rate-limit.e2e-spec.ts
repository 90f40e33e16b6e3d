import { Pool } from 'pg';
import { RunningSystem, testToken, waitFor } from '@civic/testing';
import { getJson, MINH_KHAI } from './meeting-requests';

/** A caller's rate limit holds across instances of a service: they share their counts through Postgres. */
describe('Rate limit across two instances of query-api', () => {
  const LIMIT = 20;
  let system: RunningSystem;
  let pool: Pool;

  beforeAll(async () => {
    system = await RunningSystem.start({ environment: { THROTTLE_LIMIT_PER_MINUTE: String(LIMIT) } });
    await system.startReplica('query-api');
    pool = new Pool({ connectionString: system.database.url, max: 1 });
  });
  afterAll(async () => {
    await pool?.end();
    await system?.stop();
  });

  it('lets a caller make the limit’s requests in all, not the limit at each instance', async () => {
    const authorization = `Bearer ${testToken({ subject: 'busy-dashboard' })}`;
    const read = (instance: string) => getJson(`${system.url(instance)}/v1/summaries/wards/${MINH_KHAI}?year=2021`, { authorization });
    for (let i = 0; i < 15; i += 1) expect((await read('query-api')).status).toBe(200);
    // The first instance has told its count (it does every second).
    await waitFor('the first instance to share its count', async () => {
      const { rows } = await pool.query<{ hits: number }>(`SELECT sum(hits)::int AS hits FROM rate_limit_counts WHERE caller LIKE '%busy-dashboard'`);
      return rows[0].hits === 15 || undefined;
    });
    let acceptedBySecond = 0;
    const refusal = await waitFor('the second instance to refuse the caller', async () => {
      const answer = await read('query-api#1');
      if (answer.status === 200) acceptedBySecond += 1;
      return answer.status === 429 ? answer : undefined;
    }, { intervalMs: 200 });
    // Counting alone it would have let 20 more in; hearing the first's 15 it lets in the 5 left (a few more at most
    // while it has not heard yet: it hears every second).
    expect(acceptedBySecond).toBeGreaterThanOrEqual(LIMIT - 15);
    expect(acceptedBySecond).toBeLessThan(LIMIT);
    expect(refusal.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refusal.body).toMatchObject({ status: 429 });
  });
});
