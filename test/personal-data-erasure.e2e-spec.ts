import { createDecipheriv } from 'node:crypto';
import { MessageCollector, RunningSystem, runCommand, testKafka, testToken, waitFor } from '@civic/testing';
import { allTopics } from '@civic/messaging';
import { ERASED_PERSONAL_DATA, sealedKeyIdOf } from '@civic/event-store';
import { getJson, JsonResponse, MINH_KHAI, minhKhaiReview, postJson } from './meeting-requests';

/**
 * Issue #33 items 2 and 4 (docs/adr/0059): an administrator erases a person's name from a record; the erasure is an
 * event; the keys are destroyed; every read, the audit, search, Kafka's copies, a rebuild and time travel show the
 * name as erased while counts and summaries stay as they were; the chain still verifies.
 */
describe('Erasing a person’s data at their request', () => {
  let system: RunningSystem;
  let collector: MessageCollector;
  const erased = 'Lê Thị Thu Hà';
  const kept = 'Ngô Quang Vinh';
  const chair = 'Đặng Văn Bảo';
  let grantStream: string;
  let grantId: string;
  let meetingStream: string;

  const records = (path: string) => `${system.url('records-api')}/v1/${path}`;
  const query = (path: string, headers: Record<string, string> = {}) => getJson(`${system.url('query-api')}/v1/${path}`, headers);
  const erase = (body: unknown, headers: Record<string, string> = {}) => postJson(records('personal-data/erasures'), body, headers);
  const eventCount = async () => (await system.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;
  const searchFinds = async (name: string) =>
    ((await query(`commendations?unitCode=${MINH_KHAI}&recipient=${encodeURIComponent(name)}`)).body.items as { commendationId: string }[]).some((item) => item.commendationId === grantId);
  const summary = async () => (await query(`summaries/wards/${MINH_KHAI}?year=2021`)).body;
  /** A giấy khen of Minh Khai's People's Committee for 2020, to these recipients. */
  const giayKhen = (grantedOn: string, recipients: Record<string, unknown>) => ({
    form: 'GIAY_KHEN', commendationType: 'CONG_TRANG', issuer: { body: 'UBND', unitCode: MINH_KHAI }, grantedOn, forYear: 2020, recipients,
    reason: 'Có thành tích xuất sắc trong phong trào thi đua năm 2020',
  });
  const cli = (...args: string[]) => runCommand('npm', ['run', '--silent', 'cli', '--', ...args], system.cliEnvironment());

  beforeAll(async () => {
    system = await RunningSystem.start();
    collector = await new MessageCollector(testKafka(), allTopics(system.topicPrefix)).start();
    const granted = await postJson(records('commendations'), giayKhen('2021-01-12', { collectives: { names: ['Chi hội Phụ nữ Tổ dân phố số 3'] }, individuals: { names: [erased, kept] } }));
    expect(granted.status).toBe(201);
    grantStream = granted.body.streamId as string;
    grantId = grantStream.replace(/^commendation-/, '');
    const held = await postJson(records('meetings'), minhKhaiReview({ title: 'Hội nghị sẽ xóa tên người chủ trì', chairs: [{ fullName: chair, role: 'Chủ tịch UBND phường' }] }));
    expect(held.status).toBe(201);
    meetingStream = held.body.streamId as string;
    await waitFor('the grant found by both recipients', async () => ((await searchFinds('le thi thu ha')) && (await searchFinds('ngo quang vinh')) ? true : undefined));
  });
  afterAll(async () => {
    await collector?.stop();
    await system?.stop();
  });

  it('refuses callers other than administrators, malformed requests, unknown records and people the record does not name, recording nothing', async () => {
    const before = await eventCount();
    const request = { streamId: grantStream, personName: erased, reason: 'Đơn đề nghị xóa dữ liệu ngày 01/12/2026' };
    for (const roles of [['ward-clerk'], ['auditor'], ['integration-reader']]) {
      const refused = await erase(request, { authorization: `Bearer ${testToken({ roles, units: roles[0] === 'ward-clerk' ? [MINH_KHAI] : [] })}` });
      expect({ roles, status: refused.status, code: refused.body.code }).toEqual({ roles, status: 403, code: 'ACCESS.ROLE_NOT_ALLOWED' });
    }
    const malformed = await erase({ ...request, streamId: 'events; DROP TABLE events' });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body.errors)).toContain('streamId');
    expect((await erase({ ...request, reason: undefined })).status).toBe(400);
    const unknown = await erase({ ...request, streamId: 'commendation-00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    const stranger = await erase({ ...request, personName: 'Người Không Có Tên' });
    expect(stranger.status).toBe(422);
    expect(stranger.body).toMatchObject({ code: 'PERSONAL_DATA.PERSON_NOT_IN_RECORD', legalBasis: expect.stringContaining('13/2023/NĐ-CP') });
    // Without the key store no name can be matched: 503, nothing recorded, no name in the answer.
    await system.database.pool.query('ALTER TABLE personal_data_keys RENAME TO personal_data_keys_away');
    try {
      const unavailable = await erase(request);
      expect({ status: unavailable.status, code: unavailable.body.code }).toEqual({ status: 503, code: 'PERSONAL_DATA.UNAVAILABLE' });
      expect(JSON.stringify(unavailable.body)).not.toMatch(/Thu Hà|pd1\./);
    } finally {
      await system.database.pool.query('ALTER TABLE personal_data_keys_away RENAME TO personal_data_keys');
    }
    expect(await eventCount()).toBe(before);
  });

  const integration = { authorization: `Bearer ${testToken({ subject: 'bao-cao-tinh', roles: ['integration-reader'] })}` };
  /** Opens a sealed value as the AsyncAPI document tells an integration to: AES-256-GCM, "pd1.<key id>" as associated data. */
  const openAsIntegration = (sealed: string, key: string) => {
    const [, keyId, data] = sealed.split('.');
    const bytes = Buffer.from(data, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key, 'base64url'), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(`pd1.${keyId}`));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
  };

  it('gives an integration the key that opens a name on Kafka, and no one else', async () => {
    const grantOnKafka = await waitFor('the grant on Kafka', async () => collector.messages.find((m) => m.key === grantStream));
    const [sealed] = JSON.parse(grantOnKafka.value).recipients.individuals.names as string[];
    const keyId = sealedKeyIdOf(sealed)!;
    const answer = await query(`personal-data/keys/${keyId}`, integration);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(openAsIntegration(sealed, answer.body.key)).toBe(erased);
    const clerk = await query(`personal-data/keys/${keyId}`, { authorization: `Bearer ${testToken({ roles: ['ward-clerk'], units: [MINH_KHAI] })}` });
    expect({ status: clerk.status, code: clerk.body.code }).toEqual({ status: 403, code: 'ACCESS.ROLE_NOT_ALLOWED' });
    expect((await query('personal-data/keys/00000000-0000-4000-8000-000000000000', integration)).status).toBe(404);
    expect((await query('personal-data/keys/not-a-key', integration)).status).toBe(400);
  });

  it('erases one recipient of a grant: an event naming keys, not the person; the name gone from reads, search, audit and Kafka; counts unchanged', async () => {
    const summaryBefore = await summary();
    const moment = new Date();
    const asOfBefore = (await query(`summaries/wards/${MINH_KHAI}?year=2021&asOf=${encodeURIComponent(moment.toISOString())}`)).body;

    // Folded as a search folds: case, accents and spacing do not matter.
    const done = await erase({ streamId: grantStream, personName: '  le thi THU hà ', reason: 'Đơn đề nghị xóa dữ liệu ngày 01/12/2026' });
    expect(done.status).toBe(201);
    const erasure = done.body.erasure as { erasureId: string; keyIds: string[]; legalBasis: string; record: { streamId: string; unitCode: string } };
    // The name in the grant, and the achievement it reserved.
    expect(erasure.keyIds).toHaveLength(2);
    expect(erasure).toMatchObject({ record: { streamId: grantStream, unitCode: MINH_KHAI }, legalBasis: expect.stringContaining('Nghị định 13/2023/NĐ-CP') });
    expect(JSON.stringify(done.body)).not.toMatch(/thu h/i);

    // The log: the erasure recorded under the record's unit, by whom and why; the keys destroyed.
    const { rows: [recorded] } = await system.database.pool.query<{ data: unknown; metadata: { actor: { subject: string } }; unit_code: string }>(
      `SELECT data, metadata, unit_code FROM events WHERE stream_id = $1`, [done.body.streamId],
    );
    expect(recorded).toMatchObject({ unit_code: MINH_KHAI, metadata: { actor: { subject: 'test-administrator' } }, data: { keyIds: erasure.keyIds, reason: 'Đơn đề nghị xóa dữ liệu ngày 01/12/2026' } });
    const keys = await system.database.pool.query<{ gone: boolean }>('SELECT wrapped_key IS NULL AS gone FROM personal_data_keys WHERE key_id = ANY($1::uuid[])', [erasure.keyIds]);
    expect(keys.rows.map((row) => row.gone)).toEqual([true, true]);

    // Every read shows it erased, the other recipient as recorded.
    const record = await waitFor('the grant read with the name erased', async () => {
      const answer = await query(`commendations/${grantId}`);
      return (answer.body.commendation?.recipients?.individuals?.names as string[] | undefined)?.includes(ERASED_PERSONAL_DATA) ? answer : undefined;
    });
    expect(record.body.commendation.recipients.individuals.names).toEqual([ERASED_PERSONAL_DATA, kept]);
    await waitFor('the erased name no longer found by search', async () => ((await searchFinds('le thi thu ha')) ? undefined : true));
    expect(await searchFinds('ngo quang vinh')).toBe(true);
    const history = await query(`audit/streams/${grantStream}`);
    expect(history.body.versions[0].data.recipients.individuals.names).toEqual([ERASED_PERSONAL_DATA, kept]);
    const page = await query(`audit/events?unitCode=${MINH_KHAI}&limit=500`);
    expect(JSON.stringify(page.body)).not.toMatch(/Thu Hà|thu ha/);
    const audited = (page.body.items as { type: string; data: { erasureId: string }; metadata: { actor: { subject: string } } }[]).find((item) => item.type === 'PersonalDataErased' && item.data.erasureId === erasure.erasureId);
    expect(audited).toMatchObject({ metadata: { actor: { subject: 'test-administrator' } }, data: { reason: 'Đơn đề nghị xóa dữ liệu ngày 01/12/2026', legalBasis: erasure.legalBasis } });

    // Kafka: the erasure published; the grant's copy holds the value sealed under a key now destroyed.
    const published = await waitFor('the erasure on Kafka', async () => collector.messages.find((m) => m.key === done.body.streamId));
    expect(published.topic).toContain('civic.personal-data-erasures.v1');
    expect(JSON.parse(published.value)).toMatchObject({ keyIds: erasure.keyIds });
    const grantOnKafka = await waitFor('the grant on Kafka', async () => collector.messages.find((m) => m.key === grantStream));
    const names = JSON.parse(grantOnKafka.value).recipients.individuals.names as string[];
    expect(names.map(sealedKeyIdOf)).toContain(erasure.keyIds.find((id) => names.some((name) => sealedKeyIdOf(name) === id)));
    const [opened] = await system.personalDataOpener().openEvents([{ type: 'CommendationGranted', data: JSON.parse(grantOnKafka.value) }]);
    const gone = await query(`personal-data/keys/${sealedKeyIdOf(names[0])}`, integration);
    expect(gone).toMatchObject({ status: 410, body: { code: 'PERSONAL_DATA.ERASED', erasureId: erasure.erasureId } });
    expect((opened.data as { recipients: { individuals: { names: string[] } } }).recipients.individuals.names).toEqual([ERASED_PERSONAL_DATA, kept]);

    // Counts and summaries, live and as of before, do not change; time travel holds no name.
    expect(await summary()).toEqual(summaryBefore);
    const asOfAfter = (await query(`summaries/wards/${MINH_KHAI}?year=2021&asOf=${encodeURIComponent(moment.toISOString())}`)).body;
    expect(asOfAfter).toEqual(asOfBefore);
    expect(JSON.stringify(asOfAfter)).not.toMatch(/thu ha|Thu Hà/i);

    // No read model holds the name in any form.
    const { rows: leftovers } = await system.database.pool.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM rm_personal_names WHERE folded LIKE '%le thi thu ha%')::int + (SELECT count(*) FROM rm_commendations WHERE recipient_names_folded LIKE '%le thi thu ha%')::int AS n`,
    );
    expect(leftovers[0].n).toBe(0);

    // The chain and the anchors of the record still verify: the erasure destroyed a key, not a row.
    const verified = await query(`audit/streams/${grantStream}/verify`);
    expect(verified.body).toMatchObject({ intact: true });

    // Erased once: the same request again finds no such name.
    expect((await erase({ streamId: grantStream, personName: erased, reason: 'Lần hai' })).body).toMatchObject({ code: 'PERSONAL_DATA.PERSON_NOT_IN_RECORD' });
  });

  it('erases a meeting’s chair from the command line, recorded with the operator, and a rebuild answers the same afterwards', async () => {
    const meetingId = meetingStream.replace(/^meeting-/, '');
    await waitFor('the meeting in the read model', async () => ((await query(`meetings/${meetingId}`)).status === 200 ? true : undefined));
    const run = await cli('personal-data', 'erase', meetingStream, chair, '--reason', 'Đơn đề nghị ngày 02/12/2026', '--by', 'admin-nguyen');
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^erased: 1 keys destroyed; recorded as personal-data-erasure-/);
    const meeting = await waitFor('the chair erased in the meeting read', async () => {
      const answer: JsonResponse = await query(`meetings/${meetingId}`);
      return answer.body.meeting?.chairs?.[0]?.fullName === ERASED_PERSONAL_DATA ? answer : undefined;
    });
    expect(meeting.body.meeting.chairs[0].role).toBe('Chủ tịch UBND phường');
    const { rows } = await system.database.pool.query<{ subject: string }>(`SELECT metadata -> 'actor' ->> 'subject' AS subject FROM events WHERE event_type = 'PersonalDataErased' AND data -> 'record' ->> 'streamId' = $1`, [meetingStream]);
    expect(rows).toEqual([{ subject: 'admin-nguyen' }]);

    const answers = async () => ({
      grant: (await query(`commendations/${grantId}`)).body.commendation,
      meeting: (await query(`meetings/${meetingId}`)).body.meeting,
      erasedFound: await searchFinds('le thi thu ha'),
      keptFound: await searchFinds('ngo quang vinh'),
      summary: await summary(),
    });
    const before = await answers();
    const rebuilt = await cli('rebuild');
    expect(rebuilt.code).toBe(0);
    expect(await answers()).toEqual(before);
    expect(before).toMatchObject({ erasedFound: false, keptFound: true });
  });

  it('releases the erased recipient’s reservation when the grant is revoked, so the person may be commended again for that year', async () => {
    const version = (await query(`commendations/${grantId}`)).headers.get('etag')!;
    const revoked = await postJson(records(`commendations/${grantId}/revocation`), { revokedOn: '2021-03-01', reason: 'Quyết định bị hủy' }, { 'if-match': version });
    expect(revoked.status).toBe(201);
    const again = await postJson(records('commendations'), giayKhen('2021-03-15', { individuals: { names: [erased, kept] } }));
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 201, code: undefined });
  });

  it('erases a person a proposal names, leaving the proposal and its other recipients as recorded', async () => {
    const proposed = await postJson(records('commendation-proposals'), {
      proposer: { body: 'KHOI_DAN_VAN', unitCode: MINH_KHAI }, proposedTo: { body: 'DANG_UY', unitCode: MINH_KHAI }, proposedOn: '2021-01-20', form: 'GIAY_KHEN',
      forYear: 2020, recipients: { individuals: { names: [erased, kept] } }, reason: 'Đề nghị khen thưởng thành tích công tác dân vận năm 2020',
    });
    expect(proposed.status).toBe(201);
    const proposalId = (proposed.body.streamId as string).replace(/^commendation-proposal-/, '');
    await waitFor('the proposal in the read model', async () => ((await query(`commendation-proposals/${proposalId}`)).status === 200 ? true : undefined));
    expect((await erase({ streamId: proposed.body.streamId, personName: erased, reason: 'Đơn đề nghị xóa dữ liệu' })).status).toBe(201);
    const read = await waitFor('the proposal read with the name erased', async () => {
      const answer = await query(`commendation-proposals/${proposalId}`);
      return answer.body.recipients?.individuals?.names?.[0] === ERASED_PERSONAL_DATA ? answer : undefined;
    });
    expect(read.body.recipients.individuals).toMatchObject({ names: [ERASED_PERSONAL_DATA, kept] });
  });
});
