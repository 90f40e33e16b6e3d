import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { CloudEvent, Kafka as CloudEventsKafka, KafkaMessage } from 'cloudevents';
import { AsyncAPIDocumentInterface, fromFile, Parser } from '@asyncapi/parser';
import { ANY_EVENT, PostgresEventStore } from '@civic/event-store';
import { allTopics, PUBLISHED_EVENTS } from '@civic/messaging';
import { MessageCollector, ReceivedMessage, RunningSystem, testKafka, waitFor } from '@civic/testing';
import { MINH_KHAI, minhKhaiReview, postJson } from './meeting-requests';

const DOCUMENT = join(__dirname, '..', 'docs', 'asyncapi', 'asyncapi.json');
const key = (type: string, schemaVersion: string | number) => `${type}.v${schemaVersion}`;

/** Real messages from Kafka, read with the CloudEvents SDK, checked against the AsyncAPI document. */
describe('The event stream on Kafka keeps its documented contract', () => {
  let system: RunningSystem;
  let collector: MessageCollector;
  let document: AsyncAPIDocumentInterface;
  const validators = new Map<string, { headers: ValidateFunction; payload: ValidateFunction; topic: string }>();
  const defectiveIds: string[] = [];

  beforeAll(async () => {
    const parsed = await fromFile(new Parser(), DOCUMENT).parse();
    document = parsed.document!;
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    for (const channel of document.channels().all()) {
      for (const message of channel.messages().all()) {
        validators.set(message.id(), { headers: ajv.compile(message.headers()!.json()), payload: ajv.compile(message.payload()!.json()), topic: channel.address()! });
      }
    }

    system = await RunningSystem.start();
    collector = await new MessageCollector(testKafka('e2e-contract'), allTopics(system.topicPrefix)).start();
    await recordOneOfEverything();
  });
  afterAll(async () => {
    await collector?.stop();
    await system?.stop();
  });

  /** Every event type the code writes today, plus the legacy v1 meeting shapes still in old logs. */
  async function recordOneOfEverything(): Promise<void> {
    const records = (path: string) => `${system.url('records-api')}/v1/${path}`;
    const meeting = await postJson(records('meetings'), minhKhaiReview());
    const meetingId = meeting.headers.get('location')!.split('/').pop();
    await postJson(records(`meetings/${meetingId}/corrections`), { reason: 'Sửa số đại biểu', meeting: minhKhaiReview({ attendeeCount: { value: 125, qualifier: 'EXACT' } }) }, { 'If-Match': '"1"' });
    const grant = await postJson(records('commendations'), {
      form: 'GIAY_KHEN',
      commendationType: 'CONG_TRANG',
      issuer: { body: 'UBND', unitCode: MINH_KHAI },
      grantedOn: '2021-01-12',
      recipients: { collectives: { count: 3 }, individuals: { names: ['Đỗ Thị Thu Hà'] } },
      reason: 'Hoàn thành xuất sắc nhiệm vụ năm 2020',
    });
    await postJson(records(`commendations/${grant.headers.get('location')!.split('/').pop()}/revocation`), { revokedOn: '2021-03-01', reason: 'Cấp trùng' }, { 'If-Match': '"1"' });
    await postJson(records(`commendations/${grant.headers.get('location')!.split('/').pop()}/withdrawal`), { reason: 'Ghi nhầm' }, { 'If-Match': '"2"' });
    const proposal = await postJson(records('commendation-proposals'), {
      proposer: { body: 'KHOI_DAN_VAN', unitCode: MINH_KHAI },
      proposedTo: { body: 'DANG_UY', unitCode: MINH_KHAI },
      proposedOn: '2021-01-12',
      form: 'GIAY_KHEN',
      forYear: 2020,
      recipients: { individuals: { names: ['Nguyễn Văn Dân'] } },
      reason: 'Đề nghị khen thưởng thành tích công tác dân vận năm 2020',
    });
    await postJson(records(`commendation-proposals/${proposal.headers.get('location')!.split('/').pop()}/decision`), {
      decidedBy: { body: 'DANG_UY', unitCode: MINH_KHAI },
      decidedOn: '2021-01-20',
      outcome: 'REFUSED',
      reason: 'Chưa đủ điều kiện khen thưởng',
    }, { 'If-Match': '"1"' });
    const movement = await postJson(records('emulation-movements'), {
      name: 'Phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm 2021',
      kind: 'PHONG_TRAO',
      form: 'THUONG_XUYEN',
      scope: 'DIA_PHUONG',
      launchedBy: { body: 'UBND', unitCode: MINH_KHAI },
      launchedOn: '2021-01-12',
      period: { from: '2021-01-01', to: '2021-12-31' },
    });
    await postJson(records(`emulation-movements/${movement.headers.get('location')!.split('/').pop()}/reviews`), { reviewKind: 'SO_KET', reviewedOn: '2021-07-15' });
    const chaired = await postJson(records('meetings'), minhKhaiReview({ title: 'Hội nghị có người chủ trì', chairs: [{ fullName: 'Trần Văn Nam', role: 'Chủ tịch UBND phường' }] }));
    const erased = await postJson(records('personal-data/erasures'), { streamId: chaired.body.streamId, personName: 'Trần Văn Nam', reason: 'Đơn đề nghị xóa dữ liệu' });
    expect(erased.status).toBe(201);

    // Legacy: a meeting recorded, and corrected, when MeetingHeld was at schema version 1.
    const legacyId = randomUUID();
    const v1 = { meetingId: legacyId, unitCode: MINH_KHAI, kind: 'TIEP_CONG_DAN', title: 'Tiếp công dân định kỳ', heldOn: '2020-11-05', venue: null, convenedBy: [{ body: 'UBND', unitCode: MINH_KHAI }], chairedBy: null, attendeeCount: null, reviewYear: null, planYear: null };
    const metadata = { actor: { subject: 'legacy-import', roles: ['administrator'] }, correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID() };
    await new PostgresEventStore(system.database.pool, ANY_EVENT).append({
      streamId: `meeting-${legacyId}`,
      streamType: 'meeting',
      expectedVersion: 0,
      events: [
        { eventId: randomUUID(), type: 'MeetingHeld', schemaVersion: 1, data: v1, metadata, occurredOn: v1.heldOn, unitCode: MINH_KHAI },
        { eventId: randomUUID(), type: 'MeetingCorrected', schemaVersion: 1, data: { meetingId: legacyId, reason: 'Sai ngày', meeting: { ...v1, heldOn: '2020-11-06' } }, metadata, occurredOn: '2020-11-06', unitCode: MINH_KHAI },
      ],
    });

    // Legacy: a meeting and a grant stored with the empty objects of the list defect (docs/asyncapi README); the
    // relay publishes them with the empty values left out, so they too must match their schemas.
    const defective = { ...minhKhaiReview(), meetingId: randomUUID(), venue: null, chairs: [{}], guests: [{}], attendeeCount: {}, subjectTerm: {}, theme: null, reports: [{ presenter: {} }, { title: 'Báo cáo', presenter: {} }], indicators: [{ denominator: null, unit: null }], source: null };
    const defectiveGrant = { commendationId: randomUUID(), award: { form: 'GIAY_KHEN' }, commendationType: 'CONG_TRANG', issuer: { body: 'UBND', unitCode: MINH_KHAI }, jointIssuers: [{}], proposer: {}, grantedOn: '2021-01-12', forYear: 2021, decisionNumber: null, recipients: { collectives: { count: 0 }, individuals: { count: 2 } }, reason: 'Hoàn thành tốt nhiệm vụ', posthumous: false, meetingId: null, movementId: null, regime: 'A' };
    await new PostgresEventStore(system.database.pool, ANY_EVENT).append({
      streamId: `meeting-${defective.meetingId}`,
      streamType: 'meeting',
      expectedVersion: 0,
      events: [{ eventId: randomUUID(), type: 'MeetingHeld', schemaVersion: 2, data: defective, metadata, occurredOn: '2021-01-12', unitCode: MINH_KHAI }],
    });
    await new PostgresEventStore(system.database.pool, ANY_EVENT).append({
      streamId: `commendation-${defectiveGrant.commendationId}`,
      streamType: 'commendation',
      expectedVersion: 0,
      events: [{ eventId: randomUUID(), type: 'CommendationGranted', schemaVersion: 1, data: defectiveGrant, metadata, occurredOn: '2021-01-12', unitCode: MINH_KHAI }],
    });
    // Legacy: a proposal recorded when CommendationProposed was at schema version 1 (an exact date, bare counts).
    const legacyProposalId = randomUUID();
    await new PostgresEventStore(system.database.pool, ANY_EVENT).append({
      streamId: `commendation-proposal-${legacyProposalId}`,
      streamType: 'commendation-proposal',
      expectedVersion: 0,
      events: [{
        eventId: randomUUID(), type: 'CommendationProposed', schemaVersion: 1, metadata, occurredOn: '2021-01-12', unitCode: MINH_KHAI,
        data: { proposalId: legacyProposalId, proposer: { body: 'KHOI_DAN_VAN', unitCode: MINH_KHAI }, proposedTo: { body: 'DANG_UY', unitCode: MINH_KHAI }, proposedOn: '2021-01-12', award: { form: 'GIAY_KHEN' }, forYear: 2020, recipients: { collectives: { count: 2 } }, reason: 'Đề nghị khen thưởng', meetingId: null },
      }],
    });
    defectiveIds.push(`meeting-${defective.meetingId}`, `commendation-${defectiveGrant.commendationId}`);

    // The registry's newest events (which include every unit event type) are published again by moving the
    // relay back over them: the relay then sends them as it sent them the first time.
    await system.kill('event-relay');
    await system.database.pool.query(`
      UPDATE log_checkpoints SET (transaction_id, global_position) = (SELECT transaction_id, global_position FROM events WHERE global_position = (
        SELECT min(last) - 1 FROM (SELECT max(global_position) AS last FROM events WHERE stream_type = 'admin-unit' GROUP BY event_type) AS per_type))
      WHERE reader = 'event-relay'`);
    await system.startService('event-relay');
  }

  const expected = PUBLISHED_EVENTS.map((e) => key(e.type, e.schemaVersion));
  const seen = () => new Set(collector.messages.map((m) => key(m.headers.ce_type?.replace('vn.civic-records.', ''), m.headers.ce_schemaversion)));

  it('publishes every documented event type and schema version', async () => {
    await waitFor('a message of every documented kind', async () => expected.every((k) => seen().has(k)) || undefined, { timeoutMs: 60_000 });
    expect([...seen()].filter((k) => !expected.includes(k))).toEqual([]);
  });

  it('sends each message on its documented topic, keyed by stream id, with headers and payload valid against the document', async () => {
    await waitFor('a message of every documented kind', async () => expected.every((k) => seen().has(k)) || undefined, { timeoutMs: 60_000 });
    const failures: string[] = [];
    for (const message of collector.messages) {
      const id = key(message.headers.ce_type.replace('vn.civic-records.', ''), message.headers.ce_schemaversion);
      const contract = validators.get(id);
      if (!contract) {
        failures.push(`${id}: not documented`);
        continue;
      }
      if (message.topic !== `${system.topicPrefix}${contract.topic}`) failures.push(`${id}: on ${message.topic}, documented on ${contract.topic}`);
      if (message.key !== message.headers.ce_streamid) failures.push(`${id}: key ${message.key} is not the stream id`);
      if (!contract.headers(message.headers)) failures.push(`${id} headers: ${JSON.stringify(contract.headers.errors)}`);
      if (!contract.payload(JSON.parse(message.value))) failures.push(`${id} payload: ${JSON.stringify(contract.payload.errors)}`);
    }
    expect(failures).toEqual([]);
  });

  it('publishes events stored with the list defect’s empty values without them, as the document says', async () => {
    await waitFor('the defective records', async () => defectiveIds.every((id) => collector.messages.some((m) => m.key === id)) || undefined, { timeoutMs: 60_000 });
    const [meeting, grant] = defectiveIds.map((id) => JSON.parse(collector.messages.find((m) => m.key === id)!.value));
    expect(meeting).toMatchObject({ chairs: [], guests: [], attendeeCount: null, subjectTerm: null, reports: [{ title: 'Báo cáo', presenter: null }], indicators: [] });
    expect(grant).toMatchObject({ jointIssuers: [], proposer: null, recipients: { individuals: { count: 2 } } });
    expect(grant.recipients).not.toHaveProperty('collectives');
  });

  it('is read by the CloudEvents SDK into events carrying the stream, version, position, schema version, correlation and causation', async () => {
    await waitFor('the legacy correction', async () => seen().has('MeetingCorrected.v1') || undefined, { timeoutMs: 60_000 });
    const read = collector.messages.map((message: ReceivedMessage) => {
      const kafkaMessage: KafkaMessage<string> = { key: message.key, value: message.value, headers: message.headers, body: message.value };
      return CloudEventsKafka.toEvent(kafkaMessage) as CloudEvent<Record<string, unknown>>;
    });
    for (const event of read) {
      expect(event.specversion).toBe('1.0');
      expect(event.validate()).toBe(true);
      expect(event).toMatchObject({
        streamid: expect.any(String),
        streamversion: expect.stringMatching(/^\d+$/),
        position: expect.stringMatching(/^\d+$/),
        schemaversion: expect.stringMatching(/^\d+$/),
        correlationid: expect.any(String),
        causationid: expect.any(String),
      });
    }
    const legacy = read.find((e) => e.type === 'vn.civic-records.MeetingCorrected' && e.schemaversion === '1')!;
    expect(legacy.data).toMatchObject({ reason: 'Sai ngày', meeting: { heldOn: '2020-11-06', chairedBy: null } });
  });
});
