import { RetryLater } from '@civic/platform';
import { TimeTravelOverBudget } from '@civic/projections';
import { TimeTravelGate, timeTravelLimitsFromEnv } from './time-travel-gate';

describe('TimeTravelGate', () => {
  it('lets `concurrent` answers be computed at once and refuses one more with 429 and a Retry-After', async () => {
    const gate = new TimeTravelGate({ concurrent: 2, budgetMs: 1_000 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const running = [gate.run(() => held), gate.run(() => held)];
    await expect(gate.run(async () => 'third')).rejects.toMatchObject({ status: 429, code: 'QUERY.TIME_TRAVEL_BUSY', retryAfterSeconds: 5 });
    release();
    await Promise.all(running);
    await expect(gate.run(async () => 'after')).resolves.toBe('after');
  });

  it('gives the work a deadline within its budget, and answers a replay stopped there with 503', async () => {
    const gate = new TimeTravelGate({ concurrent: 1, budgetMs: 5_000 });
    const before = Date.now();
    const deadline = await gate.run(async (d) => d);
    expect(deadline).toBeGreaterThanOrEqual(before + 5_000);
    const refusal = gate.run(async () => {
      throw new TimeTravelOverBudget();
    });
    await expect(refusal).rejects.toBeInstanceOf(RetryLater);
    await expect(refusal).rejects.toMatchObject({ status: 503, code: 'QUERY.TIME_TRAVEL_TOO_LONG' });
    await expect(gate.run(async () => 'free again')).resolves.toBe('free again');
  });

  it('reads its limits from the environment, refusing nonsense at start', () => {
    expect(timeTravelLimitsFromEnv({})).toEqual({ concurrent: 2, budgetMs: 5_000 });
    expect(timeTravelLimitsFromEnv({ TIME_TRAVEL_CONCURRENCY: '4', TIME_TRAVEL_BUDGET_MS: '800' })).toEqual({ concurrent: 4, budgetMs: 800 });
    expect(() => timeTravelLimitsFromEnv({ TIME_TRAVEL_BUDGET_MS: 'abc' })).toThrow('TIME_TRAVEL_BUDGET_MS must be a positive whole number, not abc');
  });
});
