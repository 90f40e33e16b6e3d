import { RunningSystem, waitFor } from '@civic/testing';
import { getJson, MINH_KHAI, minhKhaiReview, postJson } from './meeting-requests';

/** The value of the sample of `name` whose labels include every one of `labels`; undefined when none has them. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = new Map([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => present.get(key) === value)) return Number(match[3]);
  }
  return undefined;
}

/** Every sample of `name`, with its labels. */
function samplesOf(text: string, name: string): { labels: Map<string, string>; value: number }[] {
  return text.split('\n').flatMap((line) => {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) return [];
    return [{ labels: new Map([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value])), value: Number(match[3]) }];
  });
}

describe('Every service has Prometheus metrics at /metrics', () => {
  let system: RunningSystem;
  const scrape = async (service: 'records-api' | 'query-api' | 'event-relay' | 'projector') => {
    const response = await fetch(`${system.url(service)}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  beforeAll(async () => {
    system = await RunningSystem.start();
  });
  afterAll(() => system?.stop());

  it('counts each HTTP answer by route template, method and status, with its latency', async () => {
    for (let i = 0; i < 3; i += 1) expect((await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: `Hội nghị số ${i}` }))).status).toBe(201);
    expect((await postJson(`${system.url('records-api')}/v1/meetings`, { unitCode: MINH_KHAI })).status).toBe(400);
    expect((await getJson(`${system.url('query-api')}/v1/summaries/wards/${MINH_KHAI}?year=2021`)).status).toBe(200);
    expect((await getJson(`${system.url('query-api')}/v1/no-such-thing`)).status).toBe(404);

    const records = await scrape('records-api');
    expect(sample(records, 'http_request_duration_seconds_count', { service: 'records-api', method: 'POST', route: '/v1/meetings', status: '201' })).toBe(3);
    expect(sample(records, 'http_request_duration_seconds_count', { service: 'records-api', method: 'POST', route: '/v1/meetings', status: '400' })).toBe(1);
    expect(sample(records, 'http_request_duration_seconds_bucket', { route: '/v1/meetings', status: '201', le: '+Inf' })).toBe(3);
    // Commands accepted (201) and refused, by the code they were refused with.
    expect(sample(records, 'http_problems_total', { service: 'records-api', method: 'POST', route: '/v1/meetings', status: '400', code: 'REQUEST.INVALID' })).toBe(1);
    // The three accepted commands appended one event each; the refused one appended nothing.
    expect(sample(records, 'events_appended_total', { service: 'records-api', stream_type: 'meeting', type: 'MeetingHeld' })).toBe(3);
    const refusedByRule = await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ heldOn: '2026-01-12', title: 'Sau khi phường Minh Khai giải thể' }));
    expect(refusedByRule.status).toBe(422);
    expect(sample(await scrape('records-api'), 'http_problems_total', { route: '/v1/meetings', status: '422', code: refusedByRule.body.code })).toBe(1);
    const query = await scrape('query-api');
    expect(sample(query, 'http_request_duration_seconds_count', { service: 'query-api', method: 'GET', route: '/v1/summaries/wards/:code', status: '200' })).toBe(1);
    expect(sample(query, 'http_request_duration_seconds_count', { service: 'query-api', method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(query).not.toContain(`/v1/summaries/wards/${MINH_KHAI}`);
  });

  it('shows the data keys records-api holds stored ahead, one fewer for each name a command seals', async () => {
    const named = (title: string) => postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title, chairs: [{ fullName: 'Nguyễn Văn Hùng', role: 'Chủ trì' }] }));
    expect((await named('Hội nghị có người chủ trì 1')).status).toBe(201);
    const inHand = sample(await scrape('records-api'), 'personal_data_keys_in_hand', { service: 'records-api' });
    expect(inHand).toBeGreaterThanOrEqual(32);
    expect(inHand).toBeLessThanOrEqual(127);
    expect((await named('Hội nghị có người chủ trì 2')).status).toBe(201);
    expect(sample(await scrape('records-api'), 'personal_data_keys_in_hand', { service: 'records-api' })).toBe(inHand! - 1);
  });

  it('shows the relay leading, its checkpoint reaching the log head, and the events it published', async () => {
    const caughtUp = await waitFor('the relay to publish every event', async () => {
      const text = await scrape('event-relay');
      const [head, checkpoint] = [sample(text, 'relay_log_head_position', {}), sample(text, 'relay_checkpoint_position', {})];
      return head !== undefined && head > 0 && head === checkpoint ? text : undefined;
    }, { timeoutMs: 30_000 });
    expect(sample(caughtUp, 'relay_leader', { service: 'event-relay' })).toBe(1);
    expect(sample(caughtUp, 'relay_events_published_total', {})).toBeGreaterThanOrEqual(3);
    expect(sample(caughtUp, 'relay_events_held_back', {})).toBe(0);
    // Each acknowledged batch timed, each event's way from the log to Kafka timed.
    expect(sample(caughtUp, 'relay_publish_duration_seconds_count', {})).toBeGreaterThanOrEqual(1);
    expect(sample(caughtUp, 'relay_publish_latency_seconds_count', {})).toBe(sample(caughtUp, 'relay_events_published_total', {}));
  });

  it('shows the projector consuming, with its lag per partition falling to nothing once it has every event', async () => {
    const caughtUp = await waitFor('the projector to apply every message', async () => {
      const text = await scrape('projector');
      const lags = samplesOf(text, 'projector_consumer_lag');
      return lags.length > 0 && lags.every((lag) => lag.value === 0) ? text : undefined;
    }, { timeoutMs: 30_000 });
    expect(samplesOf(caughtUp, 'projector_consumer_lag').every(({ labels }) => labels.get('topic') && labels.get('partition'))).toBe(true);
    expect(sample(caughtUp, 'projector_consuming', { service: 'projector' })).toBe(1);
    const applied = sample(caughtUp, 'projector_events_applied_total', {});
    expect(applied).toBeGreaterThanOrEqual(3);
    expect(sample(caughtUp, 'projector_apply_latency_seconds_count', {})).toBeGreaterThanOrEqual(applied!);
    expect(sample(caughtUp, 'projector_apply_duration_seconds_count', {})).toBeGreaterThanOrEqual(1);
    // Nothing failed to apply: no projection has a dead letter open.
    expect(samplesOf(caughtUp, 'projector_dead_letters').filter(({ value }) => value > 0)).toEqual([]);
  });

  it('counts summary answers served from the cache and read afresh', async () => {
    const summary = `${system.url('query-api')}/v1/summaries/wards/${MINH_KHAI}?year=2022`;
    const before = await scrape('query-api');
    const [hits, misses] = [sample(before, 'summary_cache_requests_total', { result: 'hit' }) ?? 0, sample(before, 'summary_cache_requests_total', { result: 'miss' }) ?? 0];
    for (let i = 0; i < 3; i += 1) expect((await getJson(summary)).status).toBe(200);
    const after = await scrape('query-api');
    expect(sample(after, 'summary_cache_listening', { service: 'query-api' })).toBe(1);
    // The first read of the year is read afresh and kept; the two after it are served from the cache.
    expect(sample(after, 'summary_cache_requests_total', { result: 'miss' })).toBe(misses + 1);
    expect(sample(after, 'summary_cache_requests_total', { result: 'hit' })).toBe(hits + 2);
    expect(sample(after, 'summary_cache_entries', {})).toBeGreaterThanOrEqual(1);
  });

  it('shows the projectors’ lag rising on the relay while the projector is down, and falling to nothing after it is back', async () => {
    const lagOnRelay = async () => {
      const lags = samplesOf(await scrape('event-relay'), 'kafka_consumergroup_lag').filter(({ labels }) => labels.get('consumergroup')?.endsWith('projector'));
      return lags.length ? lags.reduce((sum, { value }) => sum + value, 0) : undefined;
    };
    await waitFor('the projectors’ lag to be nothing', async () => ((await lagOnRelay()) === 0 ? true : undefined), { timeoutMs: 30_000 });
    await system.kill('projector');
    const recorded = 4;
    for (let i = 0; i < recorded; i += 1) {
      expect((await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: `Hội nghị khi bộ chiếu dừng ${i}` }))).status).toBe(201);
    }
    await waitFor(`the lag to reach the ${recorded} events recorded while the projector is down`, async () => ((await lagOnRelay())! >= recorded ? true : undefined), { timeoutMs: 30_000 });
    await system.startService('projector');
    await waitFor('the lag to fall to nothing once the projector is back', async () => ((await lagOnRelay()) === 0 ? true : undefined), { timeoutMs: 60_000 });
    const meetings = await getJson(`${system.url('query-api')}/v1/meetings?unitCode=${MINH_KHAI}&q=${encodeURIComponent('bộ chiếu dừng')}&limit=100`);
    expect(meetings.status).toBe(200);
    expect(meetings.body.items).toHaveLength(recorded);
  });

  it.each(['records-api', 'query-api', 'event-relay', 'projector'] as const)('%s: process metrics and its database pool', async (service) => {
    const text = await scrape(service);
    expect(sample(text, 'process_cpu_user_seconds_total', { service })).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds', { service })).toBeGreaterThanOrEqual(0);
    for (const state of ['in_use', 'idle', 'waiting']) expect(sample(text, 'pg_pool_connections', { service, state })).toBeGreaterThanOrEqual(0);
  });
});
