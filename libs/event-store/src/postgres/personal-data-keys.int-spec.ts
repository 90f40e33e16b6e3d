import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '@civic/testing';
import { ANY_EVENT } from '../event-contract';
import { NewEvent } from '../event-envelope';
import { masterKeyOf } from '../personal-data/master-key';
import { PersonalDataOpener } from '../personal-data/personal-data-opener';
import { PersonalDataSealer } from '../personal-data/personal-data-sealer';
import { ERASED_PERSONAL_DATA, sealedKeyIdOf } from '../personal-data/sealed-text';
import { ChainVerifier } from './integrity/chain-verifier';
import { PersonalDataKeys, PersonalDataUnavailable } from './personal-data-keys';
import { PostgresEventStore } from './postgres-event-store';

describe(PersonalDataKeys.name, () => {
  let db: TestDatabase;
  const master = masterKeyOf(randomBytes(32).toString('base64'));
  let keys: PersonalDataKeys;

  beforeEach(async () => {
    db = await createTestDatabase();
    keys = new PersonalDataKeys(db.pool, master);
  });
  afterEach(() => db.drop());

  const meetingHeld = (chairs: string[]): NewEvent => ({
    eventId: randomUUID(),
    type: 'MeetingHeld',
    schemaVersion: 2,
    data: { title: 'Hội nghị tổng kết', chairs: chairs.map((fullName) => ({ fullName, role: 'Chủ trì' })), guests: [], reports: [], source: null },
    metadata: { actor: { subject: 'clerk-00295', roles: ['ward-clerk'] }, correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID() },
    occurredOn: '2021-01-12',
    unitCode: '00295',
  });

  it('stores each key wrapped, never in clear, and gives it back', async () => {
    const [made] = await keys.create(1);
    const { rows } = await db.pool.query<{ wrapped_key: Buffer; master_key_id: string }>('SELECT wrapped_key, master_key_id FROM personal_data_keys WHERE key_id = $1', [made.keyId]);
    expect(rows[0].master_key_id).toBe(master.id);
    expect(rows[0].wrapped_key.includes(made.key)).toBe(false);
    expect((await keys.lookup([made.keyId])).get(made.keyId)).toEqual({ state: 'kept', key: made.key });
    expect((await keys.lookup([randomUUID()])).values().next().value).toEqual({ state: 'unknown' });
  });

  it('seals names into the log, opens them while their keys are kept, and shows them erased after, the chain still intact', async () => {
    const store = new PostgresEventStore(db.pool, ANY_EVENT);
    const opener = new PersonalDataOpener(keys, 0);
    const [sealed] = await new PersonalDataSealer(keys).seal([meetingHeld(['Nguyễn Văn Hùng', 'Trần Thị Lan'])]);
    const streamId = `meeting-${randomUUID()}`;
    await store.append({ streamId, streamType: 'meeting', expectedVersion: 0, events: [sealed] });

    const { rows } = await db.pool.query<{ data: string }>('SELECT data::text AS data FROM events WHERE stream_id = $1', [streamId]);
    expect(rows[0].data).not.toMatch(/Nguyễn|Trần|Hùng/);
    const [stored] = await store.readStream(streamId);
    expect((await opener.openEvents([stored]))[0].data).toMatchObject({ chairs: [{ fullName: 'Nguyễn Văn Hùng' }, { fullName: 'Trần Thị Lan' }] });

    const first = sealedKeyIdOf((stored.data as { chairs: { fullName: string }[] }).chairs[0].fullName)!;
    const erasureId = randomUUID();
    expect(await keys.erase([first], erasureId)).toEqual([first]);
    expect(await keys.erase([first], randomUUID())).toEqual([]);
    expect((await keys.lookup([first])).get(first)).toMatchObject({ state: 'erased', erasureId });
    expect((await opener.openEvents([stored]))[0].data).toMatchObject({ chairs: [{ fullName: ERASED_PERSONAL_DATA, role: 'Chủ trì' }, { fullName: 'Trần Thị Lan' }] });
    expect(await new ChainVerifier(db.pool).verify({ kind: 'stream', streamId })).toMatchObject({ intact: true, eventsChecked: 1 });
  });

  it('remembers keys for a while, and forgets them when told', async () => {
    const opener = new PersonalDataOpener(keys, 60_000);
    const [sealed] = await new PersonalDataSealer(keys).seal([meetingHeld(['Lê Văn Tám'])]);
    expect((await opener.openEvents([sealed]))[0].data).toMatchObject({ chairs: [{ fullName: 'Lê Văn Tám' }] });
    const keyId = sealedKeyIdOf((sealed.data as { chairs: { fullName: string }[] }).chairs[0].fullName)!;
    await keys.erase([keyId], randomUUID());
    opener.forget([keyId]);
    expect((await opener.openEvents([sealed]))[0].data).toMatchObject({ chairs: [{ fullName: ERASED_PERSONAL_DATA }] });
  });

  it('answers unavailable, never a name, without a master key, with the wrong one, or without the database', async () => {
    const [sealed] = await new PersonalDataSealer(keys).seal([meetingHeld(['Đỗ Thị Mai'])]);
    const noMaster = new PersonalDataKeys(db.pool, undefined);
    await expect(noMaster.create(1)).rejects.toThrow(PersonalDataUnavailable);
    await expect(new PersonalDataOpener(noMaster).openEvents([sealed])).rejects.toThrow(/no master key is configured/);
    const wrongMaster = new PersonalDataKeys(db.pool, masterKeyOf(randomBytes(32).toString('base64')));
    await expect(new PersonalDataOpener(wrongMaster).openEvents([sealed])).rejects.toThrow(/wrapped by master key/);
    const away = new Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    try {
      await expect(new PersonalDataOpener(new PersonalDataKeys(away, master)).openEvents([sealed])).rejects.toThrow(/the key store does not answer/);
      await expect(new PersonalDataSealer(new PersonalDataKeys(away, master)).seal([meetingHeld(['Đỗ Thị Mai'])])).rejects.toThrow(PersonalDataUnavailable);
    } finally {
      await away.end();
    }
  });
});
