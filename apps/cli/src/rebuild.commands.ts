import { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { Pool } from 'pg';
import { ALL_PROJECTIONS, ShadowRebuild } from '@civic/projections';
import { requireMasterKeyIfNamesAreSealed } from './personal-data.commands';

/** `rebuild`: read models rebuilt from the event log into shadow tables, then swapped in while queries go on. */
export function registerRebuildCommand(program: Command, databaseUrl: () => string): void {
  program
    .command('rebuild')
    .description('Rebuild read models from the event log without downtime (all of them unless --projection names some)')
    .option('--projection <names>', `comma-separated: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`)
    .action(async (options: { projection?: string }) => {
      const names = options.projection?.split(',').map((n) => n.trim()) ?? ALL_PROJECTIONS.map((p) => p.name);
      const unknown = names.filter((n) => !ALL_PROJECTIONS.some((p) => p.name === n));
      if (unknown.length) throw new Error(`No projection is named ${unknown.join(', ')}; there are ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`);
      const projections = ALL_PROJECTIONS.filter((p) => names.includes(p.name));
      const check = new Pool({ connectionString: databaseUrl(), max: 1 });
      await requireMasterKeyIfNamesAreSealed(check).finally(() => check.end());
      const bar = new SingleBar(
        { format: 'rebuilding [{bar}] {value}/{total} events  {rate} events/s  {eta_formatted} left', stream: process.stderr, noTTYOutput: true, notTTYSchedule: 5000 },
        Presets.shades_classic,
      );
      let started = false;
      const report = await new ShadowRebuild(databaseUrl(), projections).run(({ events, total, eventsPerSecond }) => {
        if (!started) bar.start(Math.max(total, events), 0, { rate: 0 });
        started = true;
        bar.setTotal(Math.max(total, events));
        bar.update(events, { rate: eventsPerSecond });
      });
      if (started) bar.stop();
      process.stdout.write(
        `rebuilt ${report.projections.join(', ')}: ${report.events} events in ${report.seconds.toFixed(1)} s (${report.eventsPerSecond} events/s); ` +
          `${report.caughtUp} caught up at the swap, queries waited ${report.swapMilliseconds} ms\n`,
      );
    });
}
