import { RunningSystem, runCommand, waitFor } from '@civic/testing';
import { RETIRED_SCHEMA, SHADOW_SCHEMA } from '@civic/projections';
import { getJson, MINH_KHAI, minhKhaiReview, postJson } from './meeting-requests';

const READ_MODELS = ['rm_meetings', 'rm_commendations', 'rm_movements', 'rm_movement_reviews', 'rm_commendation_proposals', 'rm_unit_versions', 'rm_unit_successions', 'projected_streams'];

/** Rebuilding read models from the log, swapped in while query-api keeps answering. */
describe('Zero-downtime rebuild', () => {
  let system: RunningSystem;
  const records = (path: string) => `${system.url('records-api')}/v1/${path}`;
  const queries = () => [
    `/v1/summaries/wards/${MINH_KHAI}?year=2021`,
    '/v1/summaries/districts/007?year=2021',
    '/v1/summaries/cities/01?year=2021',
    `/v1/meetings?unitCode=${MINH_KHAI}&limit=50`,
    '/v1/commendations?limit=50',
    '/v1/emulation-movements',
    '/v1/units/007/children?asOf=2021-06-01',
    '/v1/units?name=minh%20khai',
  ];
  const rebuild = (...args: string[]) => runCommand('npm', ['run', '--silent', 'cli', '--', 'rebuild', ...args], system.cliEnvironment());
  const wardMeetings = async () => (await getJson(`${system.url('query-api')}/v1/summaries/wards/${MINH_KHAI}?year=2021`)).body.meetings.total as number;

  /** Every read-model row as text, in a stable order; registry versions without their generated id. */
  async function tables(): Promise<Record<string, string[]>> {
    const contents: Record<string, string[]> = {};
    for (const table of READ_MODELS) {
      const { rows } = await system.database.pool.query<{ row: string }>(`SELECT (to_jsonb(t) - 'id')::text AS row FROM ${table} t ORDER BY 1`);
      contents[table] = rows.map((r) => r.row);
    }
    return contents;
  }

  /** The triggers that announce changes to the summary cache (ADR 0014) must survive the swap. */
  async function triggers(): Promise<string[]> {
    const { rows } = await system.database.pool.query<{ definition: string }>(
      `SELECT pg_get_triggerdef(oid) AS definition FROM pg_trigger WHERE NOT tgisinternal AND tgrelid::regclass::text = ANY($1) ORDER BY 1`,
      [READ_MODELS],
    );
    return rows.map((r) => r.definition);
  }

  beforeAll(async () => {
    system = await RunningSystem.start();
    for (const [index, heldOn] of ['2021-01-12', '2021-03-08', '2021-06-30'].entries()) {
      expect((await postJson(records('meetings'), minhKhaiReview({ heldOn, title: `Hội nghị số ${index + 1}` }))).status).toBe(201);
    }
    const grant = await postJson(records('commendations'), {
      form: 'GIAY_KHEN', commendationType: 'CONG_TRANG', issuer: { body: 'UBND', unitCode: MINH_KHAI }, grantedOn: '2021-02-01',
      recipients: { collectives: { count: 4 }, individuals: { names: ['Vũ Minh Đức', 'Lương Thị Hạnh'] } }, reason: 'Thành tích năm 2020',
    });
    expect(grant.status).toBe(201);
    const movement = await postJson(records('emulation-movements'), {
      name: 'Phong trào thi đua “Dân vận khéo”', kind: 'PHONG_TRAO', form: 'THUONG_XUYEN', scope: 'DIA_PHUONG',
      launchedBy: { body: 'UBND', unitCode: MINH_KHAI }, launchedOn: '2021-01-15', period: { from: '2021-01-01', to: '2021-12-31' },
    });
    expect((await postJson(records(`emulation-movements/${movement.body.streamId.replace('emulation-movement-', '')}/reviews`), { reviewKind: 'SO_KET', reviewedOn: '2021-07-01' })).status).toBe(201);
    await waitFor('the read models to hold everything', async () => ((await wardMeetings()) === 3 && (await getJson(`${system.url('query-api')}/v1/summaries/wards/${MINH_KHAI}?year=2021`)).body.movements.reviewed === 1) || undefined, { timeoutMs: 30_000 });
  });
  afterAll(() => system?.stop());

  it('rebuilds every read model while queries run: none fails, each answers as live did, and the tables are the same after', async () => {
    const before = await tables();
    const triggersBefore = await triggers();
    expect(triggersBefore.length).toBeGreaterThanOrEqual(12);
    const expected = new Map<string, unknown>();
    for (const path of queries()) expected.set(path, (await getJson(`${system.url('query-api')}${path}`)).body);

    let running = true;
    const failures: string[] = [];
    let answered = 0;
    const reader = async () => {
      while (running) {
        for (const path of queries()) {
          const response = await getJson(`${system.url('query-api')}${path}`).catch((error: Error) => ({ status: 0, body: error.message }));
          answered += 1;
          if (response.status !== 200) failures.push(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
          else if (JSON.stringify(response.body) !== JSON.stringify(expected.get(path))) failures.push(`${path}: a different answer`);
        }
      }
    };
    const readers = [reader(), reader(), reader(), reader()];
    const result = await rebuild();
    running = false;
    await Promise.all(readers);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^rebuilt meetings, commendations, emulation-movements, commendation-proposals, admin-units, personal-names: \d+ events in [\d.]+ s \(\d+ events\/s\); \d+ caught up at the swap, queries waited \d+ ms/);
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(queries().length * 4);
    expect(await tables()).toEqual(before);
    expect(await triggers()).toEqual(triggersBefore);
    // The rebuild's shadow and retired schemas are gone; the snapshots' schema is the projector's, which may
    // already be deriving the dropped snapshots again.
    const left = await system.database.pool.query(`SELECT nspname FROM pg_namespace WHERE nspname IN ($1, $2)`, [SHADOW_SCHEMA, RETIRED_SCHEMA]);
    expect(left.rows).toEqual([]);
  });

  it('counts commands recorded during a rebuild exactly once, and the projector carries on', async () => {
    const before = await wardMeetings();
    const rebuilding = rebuild('--projection', 'meetings');
    let recorded = 0;
    let finished = false;
    void rebuilding.then(() => (finished = true));
    while (!finished || recorded < 3) {
      const response = await postJson(records('meetings'), minhKhaiReview({ title: `Hội nghị trong lúc dựng lại ${recorded + 1}` }));
      expect(response.status).toBe(201);
      recorded += 1;
    }
    expect((await rebuilding).code).toBe(0);
    await waitFor('every meeting counted', async () => ((await wardMeetings()) === before + recorded) || undefined, { timeoutMs: 30_000 });
    const { rows } = await system.database.pool.query<{ logged: number; projected: number }>(
      `SELECT (SELECT count(*)::int FROM events WHERE event_type = 'MeetingHeld') AS logged, (SELECT count(*)::int FROM rm_meetings) AS projected`,
    );
    expect(rows[0].projected).toBe(rows[0].logged);
  });

  it('refuses an unknown projection, a second rebuild at the same time, and one without the master key of the sealed names', async () => {
    expect(await rebuild('--projection', 'nope')).toMatchObject({ code: 1, stderr: expect.stringContaining('No projection is named nope') });
    const { PERSONAL_DATA_MASTER_KEY_FILE: _key, ...withoutKey } = system.cliEnvironment();
    const keyless = await runCommand('npm', ['run', '--silent', 'cli', '--', 'rebuild', '--projection', 'commendations'], withoutKey);
    expect(keyless).toMatchObject({ code: 1, stderr: expect.stringContaining('The log holds sealed names: set PERSONAL_DATA_MASTER_KEY') });
    const [first, second] = await Promise.all([rebuild('--projection', 'admin-units'), rebuild('--projection', 'admin-units')]);
    expect([first.code, second.code].sort()).toEqual([0, 1]);
    expect(first.stderr + second.stderr).toContain('Another rebuild is running');
  });
});
