import { randomUUID } from 'node:crypto';
import { MessageCollector, RunningSystem, runCommand, testKafka, waitFor } from '@civic/testing';
import { getJson, MINH_KHAI, minhKhaiReview, postJson } from './meeting-requests';

describe('Recording a meeting, end to end', () => {
  let system: RunningSystem;
  let collector: MessageCollector;
  const countEvents = async () => Number((await system.database.pool.query('SELECT count(*) FROM events')).rows[0].count);
  const meetings = () => `${system.url('records-api')}/v1/meetings`;
  const wardSummary = (code: string, year: number) => getJson(`${system.url('query-api')}/v1/summaries/wards/${code}?year=${year}`);

  const runCli = (args: string[]) => runCommand('npm', ['run', '--silent', 'cli', '--', ...args], { DATABASE_URL: system.database.url });

  beforeAll(async () => {
    system = await RunningSystem.start();
    collector = await new MessageCollector(testKafka('e2e-integrator'), [`${system.topicPrefix}civic.meetings.v1`]).start();
  });

  afterAll(async () => {
    await collector?.stop();
    await system?.stop();
  });

  it('answers 201, publishes the CloudEvent on Kafka and counts the meeting in the ward summary', async () => {
    const response = await postJson(meetings(), minhKhaiReview());

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      streamId: expect.stringMatching(/^meeting-[0-9a-f-]{36}$/),
      streamVersion: 1,
      eventIds: [expect.any(String)],
      position: expect.stringMatching(/^\d+$/),
    });
    expect(response.headers.get('etag')).toBe('"1"');
    const [eventId] = response.body.eventIds;

    const message = await waitFor('the CloudEvent on Kafka', async () => collector.messages.find((m) => m.headers.ce_id === eventId), {
      timeoutMs: 30_000,
    });
    expect(message.key).toBe(response.body.streamId);
    expect(message.headers).toMatchObject({ ce_type: 'vn.civic-records.MeetingHeld', ce_unitcode: MINH_KHAI, ce_civicdate: '2021-01-12' });
    expect(JSON.parse(message.value)).toMatchObject({ title: minhKhaiReview().title, attendeeCount: { value: 120, qualifier: 'APPROX' } });

    const summary = await waitFor('the ward summary to count the meeting', async () => {
      const { body } = await wardSummary(MINH_KHAI, 2021);
      return body.meetings.total === 1 ? body : undefined;
    }, { timeoutMs: 30_000 });
    expect(summary).toEqual({
      unitCode: MINH_KHAI,
      year: 2021,
      name: 'Phường Minh Khai',
      versions: [{ name: 'Phường Minh Khai', parentCode: '007', from: '2021-01-01', to: '2021-12-31' }],
      mapChangedDuringYear: false,
      formerUnitsWithThisCode: [],
      commendations: { grants: 0, revoked: 0, recipients: { collectives: 0, individuals: 0, households: 0 }, recipientsNotExact: { collectives: 0, individuals: 0, households: 0 }, byAward: [] },
      movements: { launched: 0, reviewed: 0, concluded: 0, active: 0 },
      meetings: {
        total: 1,
        corrected: 0,
        attendees: { total: 120, exact: 0, approximate: 120, atLeast: 0, meetingsWithCount: 1, meetingsWithoutCount: 0 },
        byKind: [
          {
            kind: 'HOI_NGHI_TONG_KET',
            meetings: 1,
            attendees: { total: 120, exact: 0, approximate: 120, atLeast: 0, meetingsWithCount: 1, meetingsWithoutCount: 0 },
          },
        ],
      },
    });
  });

  it("refuses a People's Council session convened by the ward People's Committee with 422, its rule and legal basis, and records nothing", async () => {
    const before = await countEvents();
    const response = await postJson(meetings(), { ...minhKhaiReview(), kind: 'KY_HOP_HDND', reviewYear: undefined, planYear: undefined, convenedBy: [{ body: 'UBND', unitCode: MINH_KHAI }] });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'MEETING.CONVENER_NOT_ALLOWED_FOR_KIND',
      errors: [{ field: '/convenedBy/0/body' }],
      legalBasis: 'Luật Tổ chức chính quyền địa phương 77/2015/QH13',
    });
    expect(response.body.detail).toMatch(/kỳ họp HĐND/);
    expect(await countEvents()).toBe(before);
  });

  it('refuses bad input with 400 Problem Details naming each wrong field, and records nothing', async () => {
    const before = await countEvents();
    const response = await postJson(meetings(), {
      ...minhKhaiReview(),
      unitCode: '0295',
      kind: 'HOI_NGHI',
      heldOn: '2021-02-29',
      attendeeCount: { value: -3, qualifier: 'EXACT' },
      convenedBy: [],
      clerkNote: 'not a field',
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code: 'REQUEST.INVALID', type: expect.any(String), title: expect.any(String) });
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['/attendeeCount/value', '/clerkNote', '/convenedBy', '/heldOn', '/kind', '/unitCode'].sort(),
    );
    expect(await countEvents()).toBe(before);
  });

  it('refuses a meeting dated in the future with 422 naming the rule, and records nothing', async () => {
    const before = await countEvents();
    const response = await postJson(meetings(), minhKhaiReview({ heldOn: '2099-01-12', reviewYear: 2098, planYear: 2099 }));

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'MEETING.HELD_IN_FUTURE', errors: [{ field: '/heldOn' }] });
    expect(response.body.detail).toMatch(/once it has been held/);
    expect(await countEvents()).toBe(before);
  });

  it("refuses a Hà Nội ward People's Council during the urban government pilot, naming the rule and its legal basis", async () => {
    const before = await countEvents();
    const response = await postJson(meetings(), minhKhaiReview({ heldOn: '2022-01-12', reviewYear: 2021, planYear: 2022 }));

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'MEETING.CONVENING_BODY_DID_NOT_EXIST',
      legalBasis: 'Nghị quyết 97/2019/QH14',
      errors: [{ field: '/convenedBy/1/body' }],
    });
    expect(response.body.detail).toMatch(/no People's Council/);
    expect(await countEvents()).toBe(before);
  });

  it('refuses a meeting under a code no unit had on that date (20333, Đặc khu Hoàng Sa, exists from 2025-07-01)', async () => {
    const response = await postJson(meetings(), minhKhaiReview({ unitCode: '20333', convenedBy: [{ body: 'UBND', unitCode: '20333' }] }));
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'MEETING.UNIT_NOT_IN_FORCE', errors: [{ field: '/unitCode' }] });
  });

  it('answers a retried command with the first response and appends nothing more', async () => {
    const key = randomUUID();
    const body = minhKhaiReview({ kind: 'GIAO_BAN', title: 'Họp giao ban tháng 1', heldOn: '2021-01-18' });
    const first = await postJson(meetings(), body, { 'Idempotency-Key': key });
    const before = await countEvents();
    const retry = await postJson(meetings(), body, { 'Idempotency-Key': key });

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await countEvents()).toBe(before);

    const changed = await postJson(meetings(), { ...body, title: 'Họp giao ban tháng 2' }, { 'Idempotency-Key': key });
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY.REUSED');
    expect(await countEvents()).toBe(before);
  });

  it('records a correction with If-Match as a new event, and the summary counts the corrected meeting once', async () => {
    const recorded = await postJson(meetings(), minhKhaiReview({ kind: 'DOI_THOAI', title: 'Hội nghị đối thoại', heldOn: '2021-03-10', attendeeCount: { value: 50, qualifier: 'EXACT' } }));
    const id = recorded.headers.get('location')!.split('/').pop();
    const corrected = minhKhaiReview({ kind: 'DOI_THOAI', title: 'Hội nghị đối thoại', heldOn: '2021-03-10', attendeeCount: { value: 65, qualifier: 'EXACT' } });
    const response = await postJson(`${meetings()}/${id}/corrections`, { reason: 'Sai số đại biểu', meeting: corrected }, { 'If-Match': '"1"' });
    expect(response.status).toBe(201);
    expect(response.body.streamVersion).toBe(2);
    expect((await postJson(`${meetings()}/${id}/corrections`, { reason: 'Lần nữa', meeting: corrected }, { 'If-Match': '"1"' })).status).toBe(412);

    const dialogue = await waitFor('the corrected figures', async () => {
      const { body } = await wardSummary(MINH_KHAI, 2021);
      const kind = body.meetings.byKind.find((k: { kind: string }) => k.kind === 'DOI_THOAI');
      return body.meetings.corrected === 1 && kind ? kind : undefined;
    }, { timeoutMs: 30_000 });
    expect(dialogue).toMatchObject({ meetings: 1, attendees: { total: 65 } });
  });

  it('refuses a summary for a malformed ward code or year with 400, naming both', async () => {
    const badYear = await wardSummary(MINH_KHAI, 'twenty' as unknown as number);
    expect(badYear.status).toBe(400);
    expect(badYear.body.errors).toEqual([{ field: '/year', message: 'year must be a year such as 2021' }]);
    const both = await getJson(`${system.url('query-api')}/v1/summaries/wards/29?year=1800`);
    expect(both.status).toBe(400);
    expect(both.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['/code', '/year']);
  });

  it('answers an empty summary for a ward with no meetings that year', async () => {
    const { status, body } = await wardSummary(MINH_KHAI, 2019);
    expect(status).toBe(200);
    expect(body.meetings).toMatchObject({ total: 0, byKind: [], attendees: { total: 0 } });
  });

  describe('audit over the event log', () => {
    const audit = (path: string) => getJson(`${system.url('query-api')}/v1/audit/${path}`);

    it('answers who changed a record and what it said before', async () => {
      const correlation = `audit-${randomUUID()}`;
      const first = minhKhaiReview({ kind: 'TIEP_CONG_DAN', title: 'Tiếp công dân định kỳ', heldOn: '2021-04-15', attendeeCount: { value: 12, qualifier: 'EXACT' } });
      const recorded = await postJson(meetings(), first, { 'X-Correlation-Id': correlation });
      const id = recorded.headers.get('location')!.split('/').pop();
      const corrected = { ...first, attendeeCount: { value: 14, qualifier: 'EXACT' } };
      await postJson(`${meetings()}/${id}/corrections`, { reason: 'Đếm lại', meeting: corrected }, { 'If-Match': '"1"', 'X-Correlation-Id': correlation });

      const { status, body } = await audit(`streams/${recorded.body.streamId}`);
      expect(status).toBe(200);
      expect(body.versions.map((v: { type: string; streamVersion: number }) => [v.type, v.streamVersion])).toEqual([
        ['MeetingHeld', 1],
        ['MeetingCorrected', 2],
      ]);
      expect(body.versions[0].data.attendeeCount).toEqual({ value: 12, qualifier: 'EXACT' });
      expect(body.versions[1].data).toMatchObject({ reason: 'Đếm lại', meeting: { attendeeCount: { value: 14, qualifier: 'EXACT' } } });
      expect(body.versions[1].metadata).toMatchObject({ actor: { subject: 'test-administrator', roles: ['administrator'] }, correlationId: correlation });
      expect(body.versions[1].metadata.causationId).toBe(body.versions[1].metadata.commandId);

      const byCorrelation = await audit(`events?correlationId=${correlation}`);
      expect(byCorrelation.body.items.map((e: { eventId: string }) => e.eventId)).toEqual(body.versions.map((v: { eventId: string }) => v.eventId));
    });

    it('filters by unit, type and civic dates, and pages by position', async () => {
      const firstPage = await audit('events?unitCode=00295&type=MeetingHeld&occurredFrom=2021-01-01&occurredTo=2021-12-31&limit=2');
      expect(firstPage.status).toBe(200);
      expect(firstPage.body.items).toHaveLength(2);
      expect(firstPage.body.items.every((e: { unitCode: string; type: string }) => e.unitCode === '00295' && e.type === 'MeetingHeld')).toBe(true);
      const secondPage = await audit(`events?unitCode=00295&type=MeetingHeld&limit=2&after=${firstPage.body.nextAfter}`);
      const positions = [...firstPage.body.items, ...secondPage.body.items].map((e: { position: string }) => Number(e.position));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(positions.length);
    });

    it('refuses malformed filters with 400 and answers 404 for an unknown stream', async () => {
      const bad = await audit(`events?actor=${encodeURIComponent("x' OR '1'='1")}&recordedFrom=yesterday`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['/actor', '/recordedFrom']);
      expect((await audit(`streams/meeting-${randomUUID()}`)).status).toBe(404);
    });

    it('verifies a record’s hash chain over HTTP and from the CLI, and names a row edited in SQL', async () => {
      const recorded = await postJson(meetings(), minhKhaiReview({ title: 'Hội nghị sẽ bị sửa trái phép' }));
      const streamId: string = recorded.body.streamId;
      expect((await audit(`streams/${streamId}/verify`)).body).toEqual({
        streamId,
        intact: true,
        eventsChecked: 1,
        streamsChecked: 1,
        firstBrokenLink: null,
        anchors: expect.objectContaining({ checked: true, intact: true, problems: [] }),
      });
      expect(await runCli(['verify', '--unit', MINH_KHAI])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^intact: \d+ events in \d+ streams/) });

      const client = await system.database.pool.connect();
      try {
        await client.query('SET session_replication_role = replica');
        await client.query(`UPDATE events SET data = jsonb_set(data, '{title}', '"Hội nghị khác"') WHERE stream_id = $1`, [streamId]);
        await client.query('RESET session_replication_role');
      } finally {
        client.release();
      }

      const { body } = await audit(`streams/${streamId}/verify`);
      expect(body).toMatchObject({ intact: false, firstBrokenLink: { problem: 'content-altered', streamId, streamVersion: 1, position: recorded.body.position } });
      const cli = await runCli(['verify']);
      expect(cli.code).toBe(2);
      expect(cli.stdout).toContain(`content-altered at position ${recorded.body.position}, stream ${streamId} version 1`);
    });
  });
});
