import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { RunningSystem, testToken, waitFor } from '@civic/testing';
import { getJson, MINH_KHAI, minhKhaiReview } from './meeting-requests';

/**
 * Several instances, as a deployment runs them: two projectors in one consumer group sharing the partitions, two
 * relays of which one leads. One of each is killed under a command load; every acknowledged command must still be in
 * the log once, and counted once in the read models.
 */
describe('Two projectors in one group and two relays, one of each killed under load', () => {
  let system: RunningSystem;
  let pool: Pool;
  const token = testToken({ subject: 'load' });

  beforeAll(async () => {
    system = await RunningSystem.start({ environment: { THROTTLE_LIMIT_PER_MINUTE: '1000000', RELAY_STANDBY_RETRY_MS: '300', RELAY_MAX_RETRY_MS: '2000' } });
    await system.startReplica('event-relay');
    await system.startReplica('projector');
    pool = new Pool({ connectionString: system.database.url, max: 2 });
  });
  const afterAllStops: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const stop of afterAllStops) await stop();
    await pool?.end();
    await system?.stop();
  });

  const roleOf = async (relay: string) => (await getJson(`${system.url(relay)}/health`)).body.relay?.role as string | undefined;

  it('loses nothing and counts nothing twice', async () => {
    const relays = ['event-relay', 'event-relay#1'];
    const leaders = await waitFor('one relay to lead and the other to stand by', async () => {
      const roles = await Promise.all(relays.map(roleOf));
      return roles.filter((role) => role === 'leader').length === 1 && roles.includes('standby') ? relays.filter((_, i) => roles[i] === 'leader') : undefined;
    });

    const acknowledged = new Set<string>();
    let loading = true;
    const writer = async (n: number) => {
      while (loading) {
        const key = randomUUID();
        const body = JSON.stringify(minhKhaiReview({ title: `Hội nghị dưới tải ${n}-${key.slice(0, 8)}` }));
        // As a client should: the same command with the same key until it is acknowledged.
        for (;;) {
          const answer = await fetch(`${system.url('records-api')}/v1/meetings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
            body,
          }).then(async (r) => ({ status: r.status, body: (await r.json()) as { streamId?: string } }));
          if (answer.status === 201 && answer.body.streamId) {
            acknowledged.add(answer.body.streamId);
            break;
          }
          if (answer.status < 500) throw new Error(`a command was refused: ${answer.status} ${JSON.stringify(answer.body)}`);
        }
      }
    };
    const writers = Promise.all([1, 2, 3].map(writer));
    // However the test ends, the writers stop before the system does.
    const stopWriters = () => ((loading = false), writers.catch(() => undefined));
    afterAllStops.push(stopWriters);
    const more = async (than: number) => waitFor(`more than ${than} commands acknowledged`, async () => acknowledged.size > than || undefined, { timeoutMs: 30_000 });

    await more(20);
    // Both projectors work: the group shares the partitions between them (three partitions, two members).
    const applied = async (projector: string) => {
      const line = (await (await fetch(`${system.url(projector)}/metrics`)).text()).split('\n').find((l) => l.startsWith('projector_events_applied_total'));
      return Number(line?.split(' ').pop() ?? 0);
    };
    await waitFor('both projectors to apply events', async () => ((await applied('projector')) > 0 && (await applied('projector#1')) > 0) || undefined, { timeoutMs: 30_000 });
    await system.kill(leaders[0]);
    await system.kill('projector');
    await more(acknowledged.size + 50);
    loading = false;
    await writers;

    const standby = relays.find((relay) => relay !== leaders[0])!;
    expect(await waitFor('the standby relay to lead', async () => ((await roleOf(standby)) === 'leader' ? true : undefined), { timeoutMs: 30_000 })).toBe(true);

    const ids = [...acknowledged];
    const { rows: logged } = await pool.query<{ stream_id: string; n: number }>(`SELECT stream_id, count(*)::int AS n FROM events WHERE stream_id = ANY($1) GROUP BY stream_id`, [ids]);
    expect({ lost: ids.length - logged.length, loggedTwice: logged.filter((row) => row.n > 1).length }).toEqual({ lost: 0, loggedTwice: 0 });

    // The projector left applies everything, the partitions of the one killed included, and counts each meeting once.
    const summary = () => getJson(`${system.url('query-api')}/v1/summaries/wards/${MINH_KHAI}?year=2021`);
    const total = await waitFor('the ward summary to count every acknowledged meeting', async () => {
      const counted = (await summary()).body.meetings?.total as number | undefined;
      return counted !== undefined && counted >= ids.length ? counted : undefined;
    }, { timeoutMs: 60_000 });
    expect(total).toBe(ids.length);
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM rm_meetings WHERE meeting_id::text = ANY($1)', [ids.map((id) => id.replace(/^meeting-/, ''))]);
    expect(rows[0].n).toBe(ids.length);
  });
});
