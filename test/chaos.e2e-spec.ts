import { createTestDatabase, TestDatabase, testSigningKey, testToken } from '@civic/testing';
import { chaosTable, keptPromises, QUICK_PLAN, runChaos } from '../deploy/chaos/chaos';

/**
 * The short chaos suite (`npm run chaos` is the long one): every service killed, the broker paused and restarted,
 * the database connections terminated, all under a keyed command load, on a broker of its own.
 */
describe('Chaos, short', () => {
  let db: TestDatabase;
  const said: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ withRegistry: true });
  });
  afterAll(() => db?.drop());

  it('loses nothing, counts nothing twice, gives up on no service, and is ready again by itself', async () => {
    const report = await runChaos(QUICK_PLAN, { databaseUrl: db.url, signingKey: testSigningKey(), token: testToken({ subject: 'chaos' }) }, (line) => said.push(line));
    process.stdout.write(`chaos, short:\n${chaosTable(report)}\n`);
    expect(report.acknowledged).toBeGreaterThan(0);
    expect({ ...report, recoveryMs: undefined, kept: keptPromises(report) }).toEqual({
      faults: { 'SIGKILL records-api': 1, 'SIGKILL query-api': 1, 'SIGKILL event-relay': 1, 'SIGKILL projector': 1, 'broker paused': 1, 'broker restarted': 1, 'database connections terminated': 2 },
      acknowledged: report.acknowledged,
      lost: 0,
      duplicated: 0,
      unpublished: 0,
      miscounted: 0,
      summaryEqualsLog: true,
      notRunning: [],
      recoveryMs: undefined,
      kept: true,
    });
    expect(report.recoveryMs).toBeLessThan(QUICK_PLAN.recoveryLimitMs);
  });
});
