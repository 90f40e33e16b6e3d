import { randomUUID } from 'node:crypto';
import { retryingOnConnectionLoss, RunningSystem, waitFor } from '@civic/testing';
import { SERVICE_NAMES } from '@civic/local-run';
import { getJson, minhKhaiReview, postJson } from './meeting-requests';

const ROUNDS = 4;

/**
 * Postgres drops every connection of the services, round after round, while commands keep coming: no process
 * dies of it, a command that meets the outage answers 503 with Retry-After (never 500), and everything
 * acknowledged reaches the log, Kafka and the read models once the connections come back, by themselves.
 */
describe('Database connections terminated under load', () => {
  let system: RunningSystem;
  const acknowledged = new Set<string>();
  const answers = new Map<number, number>();
  const problems: string[] = [];
  const terminated: number[] = [];
  /** The services whose process exited, with their last words. */
  const deadServices = () =>
    SERVICE_NAMES.filter((name) => !system.alive(name)).map((name) => ({ name, said: system.output.filter((line) => line.startsWith(`[${name}]`)).slice(-15) }));

  const retrying = retryingOnConnectionLoss;
  const terminateServiceConnections = () =>
    retrying(() =>
      system.database.pool.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      ),
    );

  beforeAll(async () => {
    system = await RunningSystem.start({ environment: { THROTTLE_LIMIT_PER_MINUTE: '100000', RELAY_STANDBY_RETRY_MS: '200', RELAY_MAX_RETRY_MS: '1000' } });
  });
  afterAll(() => system?.stop());

  it(`keeps every service running through ${ROUNDS} rounds of terminated connections, answering 503 and never 500`, async () => {
    let loading = true;
    const load = (async () => {
      for (let i = 0; loading; i += 1) {
        const key = randomUUID();
        const send = () => postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: `Hội nghị số ${i}` }), { 'Idempotency-Key': key });
        const response = await send();
        answers.set(response.status, (answers.get(response.status) ?? 0) + 1);
        if (response.status === 201) acknowledged.add(response.body.streamId);
        else if (response.status === 503) {
          if (!response.headers.get('retry-after')) problems.push('503 without Retry-After');
          // As a client should: the same command, the same key, once the database is back.
          const again = await waitFor('the command accepted on retry', async () => {
            const retried = await send();
            return retried.status === 201 ? retried : undefined;
          }, { timeoutMs: 30_000 });
          acknowledged.add(again.body.streamId);
        } else problems.push(`${response.status} ${JSON.stringify(response.body)}`);
      }
    })();
    for (let round = 0; round < ROUNDS; round += 1) {
      await waitFor('some commands accepted since the last round', async () => acknowledged.size > (round + 1) * 5 || undefined, { timeoutMs: 30_000 });
      const { rows } = await terminateServiceConnections();
      terminated.push(rows[0].n);
    }
    loading = false;
    await load.catch((error: Error) => problems.push(`the load stopped: ${error.message}`));

    expect({ problems, dead: deadServices() }).toEqual({ problems: [], dead: [] });
    expect(terminated.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('comes back by itself: every acknowledged command is in the log once, on Kafka, and counted once in the read models', async () => {
    const ids = [...acknowledged];
    const { rows } = await retrying(() => system.database.pool.query<{ stream_id: string; n: number }>('SELECT stream_id, count(*)::int AS n FROM events WHERE stream_id = ANY($1) GROUP BY stream_id', [ids]));
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    expect(rows).toHaveLength(ids.length);
    await waitFor('the relay to publish everything', async () => {
      const health = await getJson(`${system.url('event-relay')}/health`);
      const head = await retrying(() => system.database.pool.query<{ position: string }>('SELECT max(global_position)::text AS position FROM events'));
      return health.status === 200 && health.body.relay.role === 'leader' && health.body.relay.checkpoint?.position === head.rows[0].position;
    }, { timeoutMs: 60_000 });
    await waitFor('the read models to count every meeting once', async () => {
      const { rows: counted } = await retrying(() => system.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM rm_meetings WHERE meeting_id::text = ANY($1)', [ids.map((id) => id.replace('meeting-', ''))]));
      return counted[0].n === ids.length || undefined;
    }, { timeoutMs: 60_000 });
    for (const service of SERVICE_NAMES) {
      await waitFor(`${service} ready again`, async () => (await getJson(`${system.url(service)}/health/ready`, { authorization: '' })).status === 200, { timeoutMs: 60_000 });
    }
    expect(deadServices()).toEqual([]);
  });
});
