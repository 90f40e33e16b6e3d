import { MessageCollector, RunningSystem, testKafka, waitFor } from '@civic/testing';
import { allTopics } from '@civic/messaging';
import { getJson, MINH_KHAI, minhKhaiReview, postJson } from './meeting-requests';

/**
 * Issue #33 item 1 (docs/adr/0059): the names a command records are sealed in the log and on Kafka, each under a
 * key of its own, and shown in clear by every read while the key is kept; a key store that cannot be reached
 * answers 503 and records or shows nothing.
 */
describe('People’s names sealed in the log and on Kafka, shown by the reads', () => {
  let system: RunningSystem;
  let collector: MessageCollector;
  const chair = 'Nguyễn Văn Hùng';
  const guest = 'Trần Thị Bình';
  const presenter = 'Phạm Minh Đức';
  const author = 'Hoàng Lan Anh';
  const recipient = 'Lê Thị Thu Hà';

  beforeAll(async () => {
    system = await RunningSystem.start();
    collector = await new MessageCollector(testKafka(), allTopics(system.topicPrefix)).start();
  });
  afterAll(async () => {
    await collector?.stop();
    await system?.stop();
  });

  const logText = async (streamId: string) =>
    (await system.database.pool.query<{ text: string }>(`SELECT string_agg(data::text, ' ') AS text FROM events WHERE stream_id = $1`, [streamId])).rows[0].text;
  const onKafka = (key: string) => waitFor(`the events of ${key} on Kafka`, async () => collector.messages.filter((m) => m.key === key).map((m) => m.value).join(' ') || undefined, { timeoutMs: 30_000 });

  it('seals a meeting’s chairs, guests, presenters and author, and every read shows them', async () => {
    const recorded = await postJson(
      `${system.url('records-api')}/v1/meetings`,
      minhKhaiReview({
        title: 'Hội nghị có tên người',
        chairs: [{ fullName: chair, role: 'Bí thư Đảng ủy phường' }],
        guests: [{ fullName: guest, role: 'Phó Chủ tịch UBND quận' }],
        reports: [{ title: 'Báo cáo tổng kết', presenter: { fullName: presenter, role: 'Chủ tịch UBND phường' } }],
        source: { url: 'https://minhkhai.example.vn/tin-tuc/1', publishedOn: '2021-01-13', author },
      }),
    );
    expect(recorded.status).toBe(201);
    const { streamId } = recorded.body as { streamId: string };

    for (const text of [await logText(streamId), await onKafka(streamId)]) {
      for (const name of [chair, guest, presenter, author]) expect(text).not.toContain(name);
      expect(text).toMatch(/"fullName":\s*"pd1\.[0-9a-f-]{36}\./);
      expect(text).toContain('Bí thư Đảng ủy phường'); // offices are not personal
    }

    const meetingId = streamId.replace(/^meeting-/, '');
    const read = await waitFor('the meeting in the read model', async () => {
      const answer = await getJson(`${system.url('query-api')}/v1/meetings/${meetingId}`);
      return answer.status === 200 ? answer : undefined;
    });
    expect(read.body.meeting).toMatchObject({
      chairs: [{ fullName: chair }],
      guests: [{ fullName: guest }],
      reports: [{ presenter: { fullName: presenter } }],
      source: { author },
    });
    const history = await getJson(`${system.url('query-api')}/v1/audit/streams/${streamId}`);
    expect(history.body.versions[0].data).toMatchObject({ chairs: [{ fullName: chair }], source: { author } });
    const page = await getJson(`${system.url('query-api')}/v1/audit/events?unitCode=${MINH_KHAI}&type=MeetingHeld&limit=500`);
    expect(JSON.stringify(page.body)).toContain(chair);
    expect(JSON.stringify(page.body)).not.toContain('"pd1.');
  });

  it('seals the individuals a grant names, keeps collectives in clear, and still finds the grant by the name', async () => {
    const granted = await postJson(`${system.url('records-api')}/v1/commendations`, {
      form: 'GIAY_KHEN',
      commendationType: 'CONG_TRANG',
      issuer: { body: 'UBND', unitCode: MINH_KHAI },
      grantedOn: '2021-01-12',
      forYear: 2020,
      recipients: { collectives: { names: ['Chi bộ Tổ dân phố số 5'] }, individuals: { names: [recipient] } },
      reason: 'Có thành tích xuất sắc trong phong trào thi đua năm 2020',
    });
    expect(granted.status).toBe(201);
    const { streamId } = granted.body as { streamId: string };
    for (const text of [await logText(streamId), await onKafka(streamId)]) {
      expect(text).not.toContain(recipient);
      expect(text).toContain('Chi bộ Tổ dân phố số 5');
    }
    const found = await waitFor('the grant found by its recipient', async () => {
      const answer = await getJson(`${system.url('query-api')}/v1/commendations?unitCode=${MINH_KHAI}&recipient=${encodeURIComponent('le thi thu ha')}`);
      return answer.body.items?.length ? answer : undefined;
    });
    expect(found.body.items[0].commendationId).toBe(streamId.replace(/^commendation-/, ''));
    const record = await getJson(`${system.url('query-api')}/v1/commendations/${found.body.items[0].commendationId}`);
    expect(record.body.commendation.recipients.individuals.names).toEqual([recipient]);
  });

  it('seals only with keys already stored: with the key store away it uses up the stored keys it holds, then answers 503 and records nothing', async () => {
    const { pool } = system.database;
    const eventCount = async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;
    await pool.query('ALTER TABLE personal_data_keys RENAME TO personal_data_keys_away');
    try {
      // records-api holds keys stored ahead (docs/adr/0059); each command that still gets one is sealed with a key
      // that is in the store, and once they are used up a command naming someone is refused.
      const accepted: string[] = [];
      let refused: Awaited<ReturnType<typeof postJson>> | undefined;
      for (let attempt = 0; attempt < 1000 && !refused; attempt += 1) {
        const answer = await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: `Khi kho khóa vắng ${attempt}`, chairs: [{ fullName: chair, role: 'Chủ trì' }] }));
        if (answer.status === 201) accepted.push((answer.body as { streamId: string }).streamId);
        else refused = answer;
      }
      expect(refused?.status).toBe(503);
      expect(refused?.body).toMatchObject({ code: 'PERSONAL_DATA.UNAVAILABLE' });
      const before = await eventCount();
      const again = await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: 'Không lưu được', chairs: [{ fullName: chair, role: 'Chủ trì' }] }));
      expect(again.status).toBe(503);
      expect(await eventCount()).toBe(before);
      const sealedWith = accepted.length
        ? (await pool.query<{ key_id: string }>(`SELECT substring(data->'chairs'->0->>'fullName' FROM 5 FOR 36) AS key_id FROM events WHERE stream_id = ANY($1::text[])`, [accepted])).rows.map((row) => row.key_id)
        : [];
      const stored = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM personal_data_keys_away WHERE key_id = ANY($1::uuid[]) AND wrapped_key IS NOT NULL', [sealedWith]);
      expect({ accepted: sealedWith.length, stored: stored.rows[0].n }).toEqual({ accepted: accepted.length, stored: accepted.length });
      // A meeting that names nobody needs no key.
      expect((await postJson(`${system.url('records-api')}/v1/meetings`, minhKhaiReview({ title: 'Không có tên người' }))).status).toBe(201);

      const { rows } = await pool.query<{ stream_id: string }>(`SELECT stream_id FROM events WHERE event_type = 'MeetingHeld' AND data::text LIKE '%pd1.%' LIMIT 1`);
      // query-api remembers a key for a few seconds; then it must read the store, which is away.
      const unreadable = await waitFor('query-api to find the key store away', async () => {
        const answer = await getJson(`${system.url('query-api')}/v1/audit/streams/${rows[0].stream_id}`);
        return answer.status !== 200 ? answer : undefined;
      }, { timeoutMs: 30_000, intervalMs: 500 });
      expect(unreadable.status).toBe(503);
      expect(unreadable.body).toMatchObject({ code: 'PERSONAL_DATA.UNAVAILABLE' });
      expect(JSON.stringify(unreadable.body)).not.toMatch(/pd1\.|Nguyễn/);
    } finally {
      await pool.query('ALTER TABLE personal_data_keys_away RENAME TO personal_data_keys');
    }
  });
});
