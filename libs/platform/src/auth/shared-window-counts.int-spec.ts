import { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '@civic/testing';
import { SharedWindowCounts } from './shared-window-counts';
import { WindowCounterStorage } from './window-counter-storage';

describe('Rate-limit counts shared between instances through Postgres', () => {
  const MINUTE = 60_000;
  let db: TestDatabase;
  let clock: number;
  const instance = () => new SharedWindowCounts(db.pool, MINUTE, () => undefined, () => clock);

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());
  beforeEach(async () => {
    clock = Date.parse('2026-12-06T08:00:30Z');
    await db.pool.query('TRUNCATE rate_limit_counts');
  });

  it('hears what the other instances counted for a caller, not its own', async () => {
    const [a, b] = [instance(), instance()];
    const window = clock - (clock % MINUTE);
    a.record('default:subject:x', window, 30);
    b.record('default:subject:x', window, 25);
    await a.share();
    await b.share();
    await a.share();
    expect([a.of('default:subject:x', window), b.of('default:subject:x', window)]).toEqual([25, 30]);
    expect(a.of('default:subject:y', window)).toBe(0);
  });

  it('holds one limit for a caller whose requests go to two instances', async () => {
    const [a, b] = [instance(), instance()];
    const [first, second] = [new WindowCounterStorage(() => clock, a), new WindowCounterStorage(() => clock, b)];
    const hit = (storage: WindowCounterStorage) => storage.increment('subject:x', MINUTE, 50, MINUTE, 'default');
    for (let i = 0; i < 30; i += 1) expect((await hit(first)).isBlocked).toBe(false);
    await a.share();
    await b.share();
    const answers = [];
    for (let i = 0; i < 21; i += 1) answers.push((await hit(second)).isBlocked);
    // Twenty more make fifty in all; the fifty-first is refused, though this instance itself saw only twenty.
    expect(answers.filter((blocked) => !blocked)).toHaveLength(20);
    expect(answers[20]).toBe(true);
  });

  it('forgets windows that no longer weigh in a decision', async () => {
    const [a, b] = [instance(), instance()];
    const window = clock - (clock % MINUTE);
    a.record('default:subject:x', window, 7);
    await a.share();
    clock += 3 * MINUTE;
    b.record('default:subject:x', clock - (clock % MINUTE), 3);
    await b.share();
    const { rows } = await db.pool.query<{ window_start: string }>('SELECT window_start::text FROM rate_limit_counts ORDER BY window_start');
    expect(rows.map((row) => Number(row.window_start))).toEqual([clock - (clock % MINUTE)]);
  });

  it('counts on its own, saying so, while the database does not answer', async () => {
    const unreachable = new Pool({ connectionString: 'postgresql://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    const warnings: string[] = [];
    const lonely = new SharedWindowCounts(unreachable, MINUTE, (message) => warnings.push(message), () => clock);
    const storage = new WindowCounterStorage(() => clock, lonely);
    for (let i = 0; i < 3; i += 1) expect((await storage.increment('subject:x', MINUTE, 5, MINUTE, 'default')).isBlocked).toBe(false);
    await expect(lonely.share()).resolves.toBeUndefined();
    expect(warnings[0]).toContain('rate-limit counts not shared');
    await unreachable.end();
  });
});
