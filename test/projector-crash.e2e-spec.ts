import { RunningSystem, testKafka, waitFor } from '@civic/testing';
import { getJson, minhKhaiReview, postJson } from './meeting-requests';

const VINH_PHUC = '00006';
const MEETINGS = 40;

describe('A projector killed mid-stream', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await RunningSystem.start();
  });
  afterAll(() => system?.stop());

  const record = (n: number) =>
    postJson(
      `${system.url('records-api')}/v1/meetings`,
      minhKhaiReview({ unitCode: VINH_PHUC, convenedBy: [{ body: 'UBND', unitCode: VINH_PHUC }], kind: 'GIAO_BAN', title: `Họp giao ban số ${n}`, attendeeCount: { value: 10, qualifier: 'EXACT' } }),
    );
  const summaryTotal = async (): Promise<number> =>
    (await getJson(`${system.url('query-api')}/v1/summaries/wards/${VINH_PHUC}?year=2021`)).body.meetings.total;

  it('counts every meeting exactly once after it is restarted', async () => {
    const firstHalf = await Promise.all(Array.from({ length: MEETINGS / 2 }, (_, n) => record(n)));
    expect(firstHalf.every((r) => r.status === 201)).toBe(true);
    await waitFor('the projector to start counting', async () => (await summaryTotal()) > 0, { timeoutMs: 30_000 });
    await system.kill('projector');

    const secondHalf = await Promise.all(Array.from({ length: MEETINGS / 2 }, (_, n) => record(MEETINGS / 2 + n)));
    expect(secondHalf.every((r) => r.status === 201)).toBe(true);
    await system.startService('projector');

    // Caught up means the offsets stored in Postgres reached the end of every partition of the topic.
    const admin = testKafka('e2e-lag').admin();
    await admin.connect();
    const topic = `${system.topicPrefix}civic.meetings.v1`;
    await waitFor('the topic to hold every event', async () => {
      const ends = await admin.fetchTopicOffsets(topic);
      return ends.reduce((sum, p) => sum + Number(p.high), 0) >= MEETINGS;
    }, { timeoutMs: 30_000 });
    const end = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
    await admin.disconnect();
    await waitFor('the restarted projector to catch up', async () => {
      const { rows } = await system.database.pool.query('SELECT coalesce(sum(next_offset), 0)::int AS done FROM projection_offsets WHERE topic = $1', [topic]);
      return rows[0].done === end;
    }, { timeoutMs: 60_000 });

    expect(await summaryTotal()).toBe(MEETINGS);
    const { body } = await getJson(`${system.url('query-api')}/v1/summaries/wards/${VINH_PHUC}?year=2021`);
    expect(body.meetings.attendees.total).toBe(MEETINGS * 10);
  });
});
