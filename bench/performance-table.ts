import { readFileSync, writeFileSync } from 'node:fs';
import { Figure } from './measure';
import { KAFKA_VERSION } from '../deploy/local/kafka';

export interface BenchReport {
  readonly when: string;
  readonly mode: string;
  readonly seconds: number;
  readonly machine: { cpus: number; cpu?: string; memoryGiB: number; node: string };
  readonly figures: readonly Figure[];
}

const START = '<!-- bench:latest -->';
const END = '<!-- /bench:latest -->';

/** The latest run as Markdown: the machine, then one row per figure with its same-run baseline and ratio. */
export function renderLatest(report: BenchReport): string {
  const rows = report.figures.map((f) => {
    const baseline = f.baseline ? `${f.baseline.value} (${f.baseline.name})` : '';
    const ratio = f.ratio !== undefined ? `${f.ratio}×` : '';
    const target = f.target ? `${f.target.met ? 'met' : '**not met**'}: ${f.target.text}` : '';
    return `| ${f.scenario} | ${f.metric} | ${f.value} ${f.unit} | ${baseline} | ${ratio} | ${target} |`;
  });
  return [
    `${report.mode} mode, ${report.when}, ${report.seconds} s; machine: ${report.machine.cpus} cores (${report.machine.cpu}), ${report.machine.memoryGiB} GiB,`,
    `Node ${report.machine.node}, PostgreSQL 15 (local, default settings), Apache Kafka ${KAFKA_VERSION} (one KRaft node started by the bench).`,
    'Raw figures: `bench/results/latest.json`.',
    '',
    '| scenario | metric | ours | baseline (same run) | ratio | target |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** Replaces the latest-run section of docs/performance.md, leaving the analysis around it as written. */
export function updatePerformanceDoc(file: string, report: BenchReport): void {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`${file} has no ${START} … ${END} section`);
  writeFileSync(file, `${text.slice(0, start + START.length)}\n${renderLatest(report)}\n${text.slice(end)}`);
}
