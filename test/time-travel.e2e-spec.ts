import { RunningSystem, waitFor } from '@civic/testing';
import { getJson, JsonResponse, MINH_KHAI, minhKhaiReview, postJson } from './meeting-requests';

const HAI_BA_TRUNG = '007';
const HA_NOI = '01';

const wardGiayKhen = {
  form: 'GIAY_KHEN',
  commendationType: 'CONG_TRANG',
  issuer: { body: 'UBND', unitCode: MINH_KHAI },
  grantedOn: '2021-01-20',
  forYear: 2021,
  recipients: { collectives: { count: 2 }, individuals: { names: ['Phạm Thị Hoa'] } },
  reason: 'Hoàn thành xuất sắc nhiệm vụ',
};

/** Summaries answered as of earlier moments are what the live summaries said at those moments. */
describe('Time travel: summaries as of a moment', () => {
  let system: RunningSystem;
  const query = (path: string) => getJson(`${system.url('query-api')}/v1/summaries/${path}`);
  const records = (path: string) => `${system.url('records-api')}/v1/${path}`;
  const wardNow = () => query(`wards/${MINH_KHAI}?year=2021`);
  const at = (moment: Date) => `&asOf=${encodeURIComponent(moment.toISOString())}`;
  /** The live answers, and the moment they were read: every event so far is recorded before it. */
  const snapshot = async () => ({
    ward: (await wardNow()).body,
    district: (await query(`districts/${HAI_BA_TRUNG}?year=2021`)).body,
    city: (await query(`cities/${HA_NOI}?year=2021`)).body,
    moment: new Date(),
  });
  const untilWard = (description: string, ready: (body: JsonResponse['body']) => boolean) =>
    waitFor(description, async () => ((await wardNow()).status === 200 && ready((await wardNow()).body) ? true : undefined), { timeoutMs: 30_000 });

  /**
   * Every civic event so far is in a snapshot of the read models, which the projector takes as they come here
   * (a grant's reservations of its achievements build no read model).
   */
  const untilSnapshotted = () =>
    waitFor('the snapshots of the read models to cover every record', async () => {
      const { rows } = await system.database.pool.query<{ covered: boolean }>(
        `SELECT (SELECT coalesce(sum(events), 0) FROM civic_snapshots.snapshots) =
                (SELECT count(*) FROM events WHERE stream_type NOT IN ('admin-unit', 'award-reservation')) AS covered`,
      ).catch(() => ({ rows: [{ covered: false }] }));
      return rows[0].covered || undefined;
    }, { timeoutMs: 30_000 });

  let empty: Awaited<ReturnType<typeof snapshot>>;
  let afterMeeting: Awaited<ReturnType<typeof snapshot>>;
  let afterGrantAndCorrection: Awaited<ReturnType<typeof snapshot>>;
  let afterRevocation: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    // A snapshot after every transaction, at most 200 ms after it: answers start from snapshots and replay the rest.
    system = await RunningSystem.start({ environment: { SNAPSHOT_EVERY_EVENTS: '1', SNAPSHOT_MAX_AGE_SECONDS: '0.2' } });
    empty = await snapshot();

    const meeting = await postJson(records('meetings'), minhKhaiReview({ heldOn: '2021-03-02', attendeeCount: { value: 80, qualifier: 'EXACT' } }));
    expect(meeting.status).toBe(201);
    await untilWard('the meeting to be counted', (body) => body.meetings.total === 1);
    afterMeeting = await snapshot();
    await untilSnapshotted();

    const grant = await postJson(records('commendations'), wardGiayKhen);
    expect(grant.status).toBe(201);
    const meetingId = meeting.headers.get('location')!.split('/').pop();
    const correction = await postJson(
      records(`meetings/${meetingId}/corrections`),
      { reason: 'Đếm lại đại biểu', meeting: minhKhaiReview({ heldOn: '2021-03-02', attendeeCount: { value: 95, qualifier: 'EXACT' } }) },
      { 'If-Match': '"1"' },
    );
    expect(correction.status).toBe(201);
    await untilWard('the grant and the correction', (body) => body.commendations.grants === 1 && body.meetings.corrected === 1);
    afterGrantAndCorrection = await snapshot();

    const grantId = grant.headers.get('location')!.split('/').pop();
    const revocation = await postJson(records(`commendations/${grantId}/revocation`), { revokedOn: '2021-05-04', reason: 'Thu hồi theo Quyết định số 7/QĐ-UBND' }, { 'If-Match': '"1"' });
    expect(revocation.status).toBe(201);
    await untilWard('the revocation', (body) => body.commendations.revoked === 1);
    afterRevocation = await snapshot();
    await untilSnapshotted();
  });
  afterAll(() => system?.stop());

  it('has four different stories to tell', () => {
    expect(empty.ward.meetings.total).toBe(0);
    expect(afterMeeting.ward.meetings).toMatchObject({ total: 1, corrected: 0, attendees: { exact: 80 } });
    expect(afterGrantAndCorrection.ward).toMatchObject({ meetings: { corrected: 1, attendees: { exact: 95 } }, commendations: { grants: 1, revoked: 0 } });
    expect(afterRevocation.ward.commendations).toMatchObject({ grants: 0, revoked: 1 });
  });

  it.each([
    ['before anything was recorded', () => empty],
    ['after the meeting', () => afterMeeting],
    ['after the grant and the correction', () => afterGrantAndCorrection],
    ['after the revocation', () => afterRevocation],
  ])('answers the ward, district and city summaries as they stood %s', async (_, moment) => {
    const then = moment();
    expect((await query(`wards/${MINH_KHAI}?year=2021${at(then.moment)}`)).body).toEqual({ ...then.ward, asOf: then.moment.toISOString() });
    expect((await query(`districts/${HAI_BA_TRUNG}?year=2021${at(then.moment)}`)).body).toEqual({ ...then.district, asOf: then.moment.toISOString() });
    expect((await query(`cities/${HA_NOI}?year=2021${at(then.moment)}`)).body).toEqual({ ...then.city, asOf: then.moment.toISOString() });
  });

  it('keeps snapshots of the read models as events come, and says so on the projector\'s health', async () => {
    const { rows } = await system.database.pool.query<{ snapshots: number }>('SELECT count(*)::int AS snapshots FROM civic_snapshots.snapshots');
    expect(rows[0].snapshots).toBeGreaterThanOrEqual(2);
    const health = await getJson(`${system.url('projector')}/health`);
    expect(health.body.snapshots).toMatchObject({ snapshotsTaken: rows[0].snapshots, lastFailure: null });
  });

  it('agrees with the live summary at asOf=now', async () => {
    const now = new Date();
    const { asOf, ...past } = (await query(`wards/${MINH_KHAI}?year=2021${at(now)}`)).body;
    expect(asOf).toBe(now.toISOString());
    expect(past).toEqual((await wardNow()).body);
  });

  it('knows no unit before the registry was loaded', async () => {
    const { rows } = await system.database.pool.query<{ first: Date }>('SELECT min(recorded_at) AS first FROM events');
    const before = new Date(rows[0].first.getTime() - 60_000);
    const response = await query(`wards/${MINH_KHAI}?year=2021${at(before)}`);
    expect(response.status).toBe(404);
    expect(response.body.detail).toContain('as the registry stood at');
  });

  it('refuses an asOf without a time zone or that is not a timestamp, naming the field', async () => {
    for (const asOf of ['2021-06-30T17:00:00', 'yesterday', '2021-13-01T00:00:00Z']) {
      const response = await query(`wards/${MINH_KHAI}?year=2021&asOf=${encodeURIComponent(asOf)}`);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['/asOf']);
    }
  });
});
