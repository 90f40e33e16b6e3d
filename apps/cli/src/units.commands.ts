import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command } from 'commander';
import { Pool } from 'pg';
import { isCivicDate } from '@civic/domain';
import { ImportReport, importReform, loadOfficialRegistry, parseFlatUnitList, UnitRegistryImporter } from '@civic/registry-import';
import { PublishedEventContract } from '@civic/messaging';
import { progressBar } from './progress';

const OPERATOR = { subject: 'cli-operator', roles: ['administrator'] };

function civicDate(value: string): string {
  if (!isCivicDate(value)) throw new Error(`${value} is not a date written YYYY-MM-DD`);
  return value;
}

function print(report: ImportReport): void {
  const { UnitEstablished, UnitChanged, UnitDissolved, UnitSucceeded } = report.counts;
  process.stdout.write(
    report.unchanged
      ? `${report.list}: already in the registry, nothing to do\n`
      : `${report.list}: ${UnitEstablished} established, ${UnitChanged} changed, ${UnitDissolved} dissolved, ${UnitSucceeded} successions\n`,
  );
}

export function registerUnitCommands(program: Command, pool: () => Pool, officialDirectory: string): void {
  const units = program.command('units').description('The administrative units registry');
  const withPool = async (work: (importer: UnitRegistryImporter) => Promise<void>) => {
    const connection = pool();
    try {
      await work(new UnitRegistryImporter(connection, OPERATOR, new PublishedEventContract()));
    } finally {
      await connection.end();
    }
  };

  units
    .command('import <file>')
    .description('Import a flat three-level list (province,district,commune CSV as the statistics office exports it)')
    .requiredOption('--effective-from <date>', 'the date the list took effect (YYYY-MM-DD)', civicDate)
    .option('--known-since <date>', 'the date the list was taken, if later than --effective-from', civicDate)
    .option('--legal-basis <text>', 'the decision or resolution behind the changes')
    .action((file: string, options: { effectiveFrom: string; knownSince?: string; legalBasis?: string }) =>
      withPool(async (importer) => {
        const content = readFileSync(file, 'utf8');
        const list = basename(file);
        const bar = progressBar(list);
        const report = await importer.importList(
          parseFlatUnitList(content, list),
          { list, content, effectiveFrom: options.effectiveFrom, knownSince: options.knownSince ?? options.effectiveFrom, legalBasis: options.legalBasis },
          bar,
        );
        bar.stop();
        print(report);
      }),
    );

  units
    .command('import-reform')
    .description('Import the 2025-07-01 reform from the crosswalk and the official new lists in the shared data folder')
    .option('--dir <folder>', 'where the lists are', officialDirectory)
    .action((options: { dir: string }) =>
      withPool(async (importer) => {
        const bar = progressBar('2025-07-01 reform');
        print(await importReform(importer, options.dir, bar));
        bar.stop();
      }),
    );

  units
    .command('load-official')
    .description('Import every official list (2021, 2022, 2025-03, the 2025-07-01 reform) not yet imported')
    .option('--dir <folder>', 'where the lists are', officialDirectory)
    .action((options: { dir: string }) =>
      withPool(async (importer) => {
        const bars: ReturnType<typeof progressBar>[] = [];
        const reports = await loadOfficialRegistry(importer, options.dir, (list) => {
          const bar = progressBar(list);
          bars.push(bar);
          return bar;
        });
        bars.forEach((bar) => bar.stop());
        reports.forEach(print);
      }),
    );
}
