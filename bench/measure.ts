/** A figure of a scenario, measured next to its baseline in the same run. */
export interface Figure {
  readonly scenario: string;
  readonly metric: string;
  readonly unit: string;
  readonly value: number;
  readonly baseline?: { readonly name: string; readonly value: number };
  /** value / baseline for rates (higher is better); baseline / value is not used: ratios always divide by the baseline. */
  readonly ratio?: number;
  /** The goal from the issue, e.g. "≥ 0.6 × floor"; met says whether this run met it. */
  readonly target?: { readonly text: string; readonly met: boolean };
}

export function figure(scenario: string, metric: string, unit: string, value: number, baseline?: { name: string; value: number }, target?: (ratio: number | undefined, value: number) => { text: string; met: boolean }): Figure {
  const ratio = baseline && baseline.value ? round(value / baseline.value, 3) : undefined;
  return { scenario, metric, unit, value: round(value, 2), ...(baseline ? { baseline: { name: baseline.name, value: round(baseline.value, 2) }, ratio } : {}), ...(target ? { target: target(ratio, value) } : {}) };
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs `writers` loops of `operation` for `durationMs` and answers completed operations per second. */
export async function throughput(writers: number, durationMs: number, operation: (writer: number, iteration: number) => Promise<void>): Promise<number> {
  const deadline = Date.now() + durationMs;
  let done = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let iteration = 0; Date.now() < deadline; iteration += 1) {
        await operation(writer, iteration);
        done += 1;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return done / seconds;
}

/**
 * The rates of several operations measured side by side: the time is split into rounds and every operation runs
 * in each round, in an order that rotates, so that the machine's drift during the run (other tenants, growing
 * tables, warming caches) falls on all of them alike rather than on whichever ran last. The mean of the rounds.
 */
export async function interleavedThroughput(
  writers: number,
  durationMs: number,
  operations: readonly ((writer: number, iteration: number) => Promise<void>)[],
  rounds = 3,
): Promise<number[]> {
  const sums = operations.map(() => 0);
  for (let round = 0; round < rounds; round += 1) {
    for (let k = 0; k < operations.length; k += 1) {
      const which = (round + k) % operations.length;
      sums[which] += await throughput(writers, durationMs / rounds, operations[which]);
    }
  }
  return sums.map((sum) => sum / rounds);
}

export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
