import { createTestDatabase, TestDatabase } from '@civic/testing';
import { LOG_START } from '@civic/event-store';
import { replayInThreads } from './replay-threads';

describe(replayInThreads.name, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('fails with the error of a thread that fails', async () => {
    const missing = new URL(db.url);
    missing.pathname = '/civic_no_such_database';
    const replay = replayInThreads({ databaseUrl: missing.toString(), projections: ['meetings'], from: LOG_START, upTo: { transactionId: '1', position: '1' } }, 2);
    await expect(replay).rejects.toThrow(/civic_no_such_database/);
  });

  it('answers nothing replayed when there is nothing up to the checkpoint, each thread done', async () => {
    const applied: number[] = [];
    expect(await replayInThreads({ databaseUrl: db.url, projections: ['meetings'], from: LOG_START, upTo: LOG_START }, 2, (n) => applied.push(n))).toBe(0);
    expect(applied).toEqual([]);
  });
});
