import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { BenchEnvironment } from './environment';
import { Figure } from './measure';
import { appendScenario } from './scenarios/append';
import { httpCommandsScenario } from './scenarios/http-commands';
import { freshnessScenario } from './scenarios/freshness';
import { relayScenario } from './scenarios/relay';
import { kafkaClientsScenario } from './scenarios/kafka-clients';
import { rebuildScenario } from './scenarios/rebuild';
import { queriesScenario } from './scenarios/queries';
import { timeTravelScenario } from './scenarios/time-travel';
import { seedLog } from './seed-log';
import { LogAnchoring, readAnchorSigningKey } from '@civic/event-store';
import { officialWards } from './workload';
import { buildServices } from '../libs/local-run/src';
import { updatePerformanceDoc } from './performance-table';

const SIZES = {
  quick: { appendSeconds: 1, httpSeconds: 3, freshRate: 50, freshSeconds: 5, brokerWarmUpSeconds: 5, pipelineWarmUpSeconds: 5, breakdownSeconds: 3, logEvents: 30_000, backlog: 15_000, querySeconds: 2, timeTravelMoments: 10 },
  full: { appendSeconds: 8, httpSeconds: 20, freshRate: 200, freshSeconds: 60, brokerWarmUpSeconds: 15, pipelineWarmUpSeconds: 30, breakdownSeconds: 15, logEvents: 1_000_000, backlog: 200_000, querySeconds: 20, timeTravelMoments: 40 },
};

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
  const size = quick ? SIZES.quick : SIZES.full;
  let libraryAppendRate = 0;
  let logDatabase: { url: string; pool: import('pg').Pool } | undefined;
  const log = async () => {
    if (logDatabase) return logDatabase;
    logDatabase = await environment.database('log', { withRegistry: true });
    // Five years of every ward and commune of Hà Nội (01) and Đà Nẵng (48).
    const seeded = Date.now();
    await seedLog(logDatabase.pool, { events: size.logEvents, wards: officialWards(['01', '48']), years: [2021, 2022, 2023, 2024, 2025], onProgress: (n) => n % 100_000 === 0 && process.stdout.write(`[bench] log: ${n} events\n`) });
    process.stdout.write(`[bench] log: ${size.logEvents} events seeded in ${Math.round((Date.now() - seeded) / 1000)} s\n`);
    // A log of this size has long been vacuumed in service; unvacuumed, whichever scenario reads it first pays for
    // setting its hint bits and races autovacuum, and its figures say more about the order of the scenarios.
    await logDatabase.pool.query('VACUUM (ANALYZE) events');
    // ... and anchored as it was recorded (docs/adr/0058): the relays of the scenarios then anchor only what they add.
    const anchored = await new LogAnchoring(logDatabase.pool, readAnchorSigningKey(environment.anchorKey.privateKeyFile)).anchorPending(async () => undefined);
    process.stdout.write(`[bench] log: ${anchored.length} anchors signed\n`);
    return logDatabase;
  };
  const scenarios: [string, () => Promise<Figure[]>][] = [
    ['append', async () => {
      const figures = await appendScenario(environment, size.appendSeconds);
      libraryAppendRate = figures.find((f) => f.scenario === 'append, 8 writers, distinct streams')?.value ?? 0;
      return figures;
    }],
    ['http', async () => httpCommandsScenario(environment, size.httpSeconds, libraryAppendRate)],
    ['freshness', () => freshnessScenario(environment, { rate: size.freshRate, seconds: size.freshSeconds, brokerWarmUpSeconds: size.brokerWarmUpSeconds, pipelineWarmUpSeconds: size.pipelineWarmUpSeconds, breakdownSeconds: size.breakdownSeconds })],
    ['relay', async () => relayScenario(environment, await log(), size.backlog)],
    ['kafka-clients', async () => kafkaClientsScenario(environment, await log(), size.backlog)],
    ['rebuild', async () => rebuildScenario(await log())],
    ['queries', async () => {
      const { url, pool } = await log();
      // The rebuild just before leaves gigabytes of WAL, and the checkpoint Postgres starts for it would write
      // them out during the reads: a cost of the scenarios' order, not of the reads. Done before the clock starts.
      await pool.query('CHECKPOINT');
      return queriesScenario(environment, url, size.querySeconds, { district: '007', ward: '00295', year: 2023 });
    }],
    ['time-travel', async () => timeTravelScenario(environment, await log(), size.timeTravelMoments, { district: '007', ward: '00295', year: 2023 })],
  ];
  const unknown = only?.filter((name) => !scenarios.some(([known]) => known === name)) ?? [];
  if (unknown.length) throw new Error(`No scenario is named ${unknown.join(', ')}; the scenarios are ${scenarios.map(([name]) => name).join(', ')}`);
  process.stdout.write('[bench] building services\n');
  await buildServices();
  try {
    for (const [name, run] of scenarios) {
      if (only && !only.includes(name)) continue;
      process.stdout.write(`[bench] ${name}…\n`);
      const results = await run();
      figures.push(...results);
      print(results);
    }
  } finally {
    await logDatabase?.pool.end();
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
  // Only a run of every scenario replaces latest.json; a partial run (--only) is kept apart.
  const file = only ? 'partial.json' : 'latest.json';
  writeFileSync(join(directory, file), `${JSON.stringify({ ...report, only }, null, 2)}\n`);
  if (!only) updatePerformanceDoc(join(__dirname, '..', 'docs', 'performance.md'), report);
  process.stdout.write(`\n[bench] ${figures.length} figures in ${report.seconds} s; written to bench/results/${file}\n`);
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
