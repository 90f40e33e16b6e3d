import { randomBytes, randomUUID } from 'node:crypto';
import { PoolClient } from 'pg';
import { ANY_EVENT, masterKeyFromEnv, NewEvent, PersonalDataKeys, PersonalDataSealer, PostgresEventStore, RecordedEvent, sealedKeyIdOf } from '@civic/event-store';
import { createTestDatabase, TestDatabase, waitFor } from '@civic/testing';
import { personalNamesProjection } from './personal-names.projection';

/** The grants' name search (docs/adr/0059): a row per key while it is kept, none once an erasure destroyed it. */
describe('personal-names projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let keys: PersonalDataKeys;
  const previousKey = process.env.PERSONAL_DATA_MASTER_KEY;

  beforeAll(() => {
    process.env.PERSONAL_DATA_MASTER_KEY = randomBytes(32).toString('base64');
  });
  afterAll(() => {
    if (previousKey === undefined) delete process.env.PERSONAL_DATA_MASTER_KEY;
    else process.env.PERSONAL_DATA_MASTER_KEY = previousKey;
  });
  beforeEach(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool, ANY_EVENT);
    keys = new PersonalDataKeys(db.pool, masterKeyFromEnv());
  });
  afterEach(() => db.drop());

  const metadata = { actor: { subject: 'admin', roles: ['administrator'] }, correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID() };

  /** A grant naming these people and one collective, sealed as records-api seals it, appended and read back. */
  async function grant(people: string[]): Promise<RecordedEvent> {
    const commendationId = randomUUID();
    const event: NewEvent = {
      eventId: randomUUID(),
      type: 'CommendationGranted',
      schemaVersion: 2,
      data: {
        commendationId, award: { form: 'GIAY_KHEN' }, commendationType: 'CONG_TRANG', issuer: { body: 'UBND', unitCode: '00295' }, jointIssuers: [], proposer: null,
        grantedOn: '2021-01-15', grantedOnPrecision: 'DAY', forYear: 2020, decisionNumber: null,
        recipients: { collectives: { names: ['Chi bộ Tổ dân phố số 5'] }, individuals: { names: people } }, reason: 'Thành tích xuất sắc', posthumous: false, meetingId: null, movementId: null, regime: 'A',
      },
      metadata,
      occurredOn: '2021-01-15',
      unitCode: '00295',
    };
    const [sealed] = await new PersonalDataSealer(keys).seal([event]);
    const streamId = `commendation-${commendationId}`;
    await store.append({ streamId, streamType: 'commendation', expectedVersion: 0, events: [sealed] });
    return (await store.readStream(streamId))[0];
  }

  /** An erasure as recorded, its keys not destroyed yet: records-api stopped between recording it and destroying them. */
  async function erasureOf(keyIds: string[]): Promise<RecordedEvent> {
    const erasureId = randomUUID();
    const streamId = `personal-data-erasure-${erasureId}`;
    const data = { erasureId, record: { streamId: 'commendation-x', unitCode: '00295' }, keyIds, reason: 'Đơn đề nghị', legalBasis: 'Nghị định 13/2023/NĐ-CP', erasedOn: '2026-12-01' };
    await store.append({ streamId, streamType: 'personal-data-erasure', expectedVersion: 0, events: [{ eventId: randomUUID(), type: 'PersonalDataErased', schemaVersion: 1, data, metadata, occurredOn: '2026-12-01', unitCode: '00295' }] });
    return (await store.readStream(streamId))[0];
  }

  const keyOf = (recorded: RecordedEvent, index: number) => sealedKeyIdOf((recorded.data as { recipients: { individuals: { names: string[] } } }).recipients.individuals.names[index])!;
  const apply = async (events: RecordedEvent[], client?: PoolClient) => personalNamesProjection.handle(events, { sql: client ?? db.pool });
  const names = async () => (await db.pool.query<{ folded: string }>('SELECT folded FROM rm_personal_names ORDER BY folded')).rows.map((row) => row.folded);

  it('keeps each sealed person folded, by key; an erasure deletes its rows and finishes destroying its keys; a redelivery brings nothing back', async () => {
    const granted = await grant(['Lê Thị Thu Hà', 'Ngô Quang Vinh']);
    await apply([granted]);
    expect(await names()).toEqual(['le thi thu ha', 'ngo quang vinh']);

    const erased = keyOf(granted, 0);
    await apply([await erasureOf([erased])]);
    expect(await names()).toEqual(['ngo quang vinh']);
    expect((await keys.lookup([erased])).get(erased)).toMatchObject({ state: 'erased' });

    await apply([granted]);
    expect(await names()).toEqual(['ngo quang vinh']);
  });

  it('leaves no row of a name whose erasure commits while the grant is being applied', async () => {
    const granted = await grant(['Đặng Văn Bảo']);
    const erasing = await db.pool.connect();
    const applying = await db.pool.connect();
    try {
      await erasing.query('BEGIN');
      await apply([await erasureOf([keyOf(granted, 0)])], erasing);
      await applying.query('BEGIN');
      // The grant's batch opens the name (the erasure is not committed), then waits on the key's row to insert it.
      const applied = apply([granted], applying);
      await waitFor('the grant waiting for the erasure', async () => {
        const { rows } = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
        return rows[0].n > 0 || undefined;
      });
      await erasing.query('COMMIT');
      await applied;
      await applying.query('COMMIT');
    } finally {
      erasing.release();
      applying.release();
    }
    expect(await names()).toEqual([]);
  });
});
