import { RetryLater } from '@civic/platform';
import { TimeTravelOverBudget } from '@civic/projections';

export interface TimeTravelLimits {
  /** Answers as of a past moment computed at once; one more is refused (429) rather than queued. */
  readonly concurrent: number;
  /** The longest one may take; past it the replay stops and the request is answered 503. */
  readonly budgetMs: number;
}

export function timeTravelLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): TimeTravelLimits {
  const positive = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, not ${env[name]}`);
    return value;
  };
  return { concurrent: positive('TIME_TRAVEL_CONCURRENCY', 2), budgetMs: positive('TIME_TRAVEL_BUDGET_MS', 5_000) };
}

/**
 * Time travel replays the log, and a city's history is long: one request could hold a core for many seconds, and a
 * few at once would starve every other reader. Only `concurrent` run at once, each within `budgetMs`; the others
 * are told to come back, so the live summaries keep their latency (docs/adr/0037).
 */
export class TimeTravelGate {
  private running = 0;

  constructor(private readonly limits: TimeTravelLimits) {}

  async run<T>(work: (deadline: number) => Promise<T>): Promise<T> {
    if (this.running >= this.limits.concurrent) {
      throw new RetryLater(429, 'QUERY.TIME_TRAVEL_BUSY', `${this.running} answers as of a past moment are being computed; try again in a few seconds.`, 5);
    }
    this.running += 1;
    try {
      return await work(Date.now() + this.limits.budgetMs);
    } catch (error) {
      if (error instanceof TimeTravelOverBudget) {
        throw new RetryLater(
          503,
          'QUERY.TIME_TRAVEL_TOO_LONG',
          `This answer as of a past moment would take longer than ${this.limits.budgetMs / 1000} s to compute from the log, and was stopped. Ask for a smaller unit, or try again later.`,
          30,
        );
      }
      throw error;
    } finally {
      this.running -= 1;
    }
  }
}
