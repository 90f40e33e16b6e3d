import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { BenchEnvironment } from './environment';
import { Figure } from './measure';
import { appendScenario } from './scenarios/append';

/**
 * `npm run bench [-- --quick]`: every scenario on real Postgres and Kafka, each figure next to its baseline
 * measured in the same run. Prints a table and writes bench/results/latest.json. Never part of the tests.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const environment = await BenchEnvironment.start();
  const figures: Figure[] = [];
  const started = Date.now();
  const scenarios: [string, () => Promise<Figure[]>][] = [['append', () => appendScenario(environment, quick ? 2 : 8)]];
  try {
    for (const [name, run] of scenarios) {
      if (only && !only.includes(name)) continue;
      process.stdout.write(`[bench] ${name}…\n`);
      const results = await run();
      figures.push(...results);
      print(results);
    }
  } finally {
    await environment.stop();
  }
  const report = {
    when: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    seconds: Math.round((Date.now() - started) / 1000),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    figures,
  };
  const directory = join(__dirname, 'results');
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n[bench] ${figures.length} figures in ${report.seconds} s; written to bench/results/latest.json\n`);
}

function print(figures: readonly Figure[]): void {
  const rows = figures.map((f) => [
    f.scenario,
    f.metric,
    `${f.value} ${f.unit}`,
    f.baseline ? `${f.baseline.value} (${f.baseline.name})` : '',
    f.ratio !== undefined ? `${f.ratio}×` : '',
    f.target ? `${f.target.met ? 'met' : 'NOT met'}: ${f.target.text}` : '',
  ]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i].length))) ?? [];
  for (const row of rows) process.stdout.write(`  ${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
