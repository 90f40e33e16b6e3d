import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase, waitFor } from '@civic/testing';
import { inTransaction } from '@civic/event-store';
import { EVERYTHING, ReadModelChangeListener } from '@civic/database';

/** What the read models' triggers announce, heard through a real LISTEN session. */
describe('Read-model change announcements', () => {
  let db: TestDatabase;
  let listener: ReadModelChangeListener;
  const heard: string[] = [];
  const listeningStates: boolean[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    listener = new ReadModelChangeListener(db.url, { changed: (unit) => heard.push(unit), listening: (state) => listeningStates.push(state) }, 'changes-spec');
    await listener.start();
    expect(listeningStates).toEqual([true]);
  });
  afterAll(async () => {
    await listener.stop();
    await db.drop();
  });

  /** Runs a change, then a marker change, and answers what was heard up to the marker: no fixed waits. */
  async function heardFrom(change: () => Promise<unknown>): Promise<string[]> {
    heard.length = 0;
    await change();
    const marker = `marker-${randomUUID()}`;
    await db.pool.query(`SELECT pg_notify('civic_read_models', $1)`, [marker]);
    await waitFor('the marker', async () => heard.includes(marker) || undefined);
    return heard.filter((unit) => unit !== marker).sort();
  }

  const meeting = (id: string, unit: string) =>
    db.pool.query(
      `INSERT INTO rm_meetings (meeting_id, unit_code, kind, title, held_on, year, stream_id, recorded_position) VALUES ($1, $2, 'HOI_NGHI', 'Hội nghị', '2024-03-01', 2024, $3, 1)`,
      [id, unit, `meeting-${id}`],
    );

  it('announces the ward of a new meeting, once per transaction however many rows', async () => {
    expect(await heardFrom(() => meeting(randomUUID(), '00295'))).toEqual(['00295']);
    expect(
      await heardFrom(() => inTransaction(db.pool, async (client) => {
        for (const unit of ['00301', '00301', '00304']) {
          await client.query(
            `INSERT INTO rm_meetings (meeting_id, unit_code, kind, title, held_on, year, stream_id, recorded_position) VALUES ($1, $2, 'HOI_NGHI', 'Hội nghị', '2024-03-01', 2024, $3, 1)`,
            [randomUUID(), unit, randomUUID()],
          );
        }
      })),
    ).toEqual(['00301', '00304']);
  });

  it('announces nothing for a change that is rolled back', async () => {
    const rolledBack = heardFrom(async () => {
      await inTransaction(db.pool, async (client) => {
        await client.query(`INSERT INTO rm_movements (movement_id, stream_id, unit_code, launcher_body, name, name_folded, kind, form, scope, launched_on, period_from, status)
                            VALUES ($1, 's', '00400', 'UBND', 'Phong trào', 'phong trao', 'PHONG_TRAO', 'THUONG_XUYEN', 'DIA_PHUONG', '2024-01-01', '2024-01-01', 'ACTIVE')`, [randomUUID()]);
        throw new Error('changed my mind');
      }).catch(() => undefined);
    });
    expect(await rolledBack).toEqual([]);
  });

  it('announces both wards when a correction moves a meeting from one to the other', async () => {
    const id = randomUUID();
    expect(await heardFrom(() => meeting(id, '00310'))).toEqual(['00310']);
    expect(await heardFrom(() => db.pool.query(`UPDATE rm_meetings SET unit_code = '00313' WHERE meeting_id = $1`, [id]))).toEqual(['00310', '00313']);
  });

  it('announces every granting unit of a joint commendation', async () => {
    expect(
      await heardFrom(() =>
        db.pool.query(
          `INSERT INTO rm_commendations (commendation_id, stream_id, award_kind, award, commendation_type, issuer_body, issuer_unit, grantor_units, granted_on, for_year,
             collectives, individuals, households, recipient_names_folded, regime)
           VALUES ($1, 's', 'FORM', 'GIAY_KHEN', 'CONG_TRANG', 'UBND', '007', ARRAY['007', '00295'], '2024-05-01', 2023, 1, 0, 0, '', 'LAW_2022')`,
          [randomUUID()],
        ),
      ),
    ).toEqual(['00295', '007']);
  });

  it('announces the launching unit for a review, whichever unit the review row names', async () => {
    const movement = randomUUID();
    const launch = () => db.pool.query(`INSERT INTO rm_movements (movement_id, stream_id, unit_code, launcher_body, name, name_folded, kind, form, scope, launched_on, period_from, status)
                         VALUES ($1, 's', '007', 'UBND', 'Phong trào', 'phong trao', 'PHONG_TRAO', 'THUONG_XUYEN', 'DIA_PHUONG', '2024-01-01', '2024-01-01', 'ACTIVE')`, [movement]);
    expect(await heardFrom(launch)).toEqual(['007']);
    expect(await heardFrom(() => db.pool.query(`INSERT INTO rm_movement_reviews (movement_id, review_kind, reviewed_on, unit_code) VALUES ($1, 'SO_KET', '2024-07-01', '00295')`, [movement]))).toEqual(['007']);
  });

  it('announces everything for a registry change and for an emptied table', async () => {
    expect(await heardFrom(() => db.pool.query(`UPDATE rm_unit_versions SET name = name WHERE false`))).toEqual([EVERYTHING]);
    expect(await heardFrom(() => db.pool.query('TRUNCATE rm_movement_reviews'))).toEqual([EVERYTHING]);
  });

  it('reports a lost session at once and listens again by itself', async () => {
    listeningStates.length = 0;
    await db.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'changes-spec' AND datname = current_database()`);
    await waitFor('the listener to be back', async () => listeningStates.includes(true) || undefined, { timeoutMs: 10_000 });
    expect(listeningStates[0]).toBe(false);
    expect(await heardFrom(() => meeting(randomUUID(), '00316'))).toEqual(['00316']);
  });
});
