import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { Pool } from 'pg';
import { AnchorReport, AnchorVerifier, ChainVerifier, parseAnchorLines, readAnchorPublicKeys, storedAnchors, VerificationScope } from '@civic/event-store';
import { progressBar } from './progress';

function scopeOf(options: { stream?: string; unit?: string }): VerificationScope {
  if (options.stream && options.unit) throw new Error('Give --stream or --unit, not both');
  if (options.stream) return { kind: 'stream', streamId: options.stream };
  if (options.unit) return { kind: 'unit', unitCode: options.unit };
  return { kind: 'log' };
}

function describe(scope: VerificationScope): string {
  if (scope.kind === 'stream') return `stream ${scope.streamId}`;
  if (scope.kind === 'unit') return `unit ${scope.unitCode}`;
  return 'the whole log';
}

/** The keys anchors are checked with: --anchor-key, else ANCHOR_PUBLIC_KEY_FILE, else the signing key's public half. */
function anchorKeyFiles(given: string[] | undefined): string[] {
  if (given?.length) return given;
  const fromEnv = process.env.ANCHOR_PUBLIC_KEY_FILE ?? process.env.ANCHOR_SIGNING_KEY_FILE;
  return fromEnv ? fromEnv.split(',').filter(Boolean) : [];
}

function printAnchorReport(report: AnchorReport, source: string): void {
  const reach = report.anchoredUpTo ? `up to position ${report.anchoredUpTo.position}` : 'nothing';
  if (report.intact) {
    process.stdout.write(`anchored: ${report.eventsChecked} events match ${report.anchorsChecked} signed anchors (${source}), ${reach}; ${report.notYetAnchored} events not yet anchored\n`);
    return;
  }
  process.stdout.write(`ALTERED: ${report.problems.length} problem(s) against ${report.anchorsChecked} signed anchors (${source}):\n`);
  for (const problem of report.problems.slice(0, 50)) {
    const at = problem.event ? ` position ${problem.event.position}, stream ${problem.event.streamId} version ${problem.event.streamVersion} (event ${problem.event.eventId})` : '';
    process.stdout.write(`  ${problem.kind} in anchor ${problem.sequence}:${at}\n    ${problem.explanation}\n`);
  }
  if (report.problems.length > 50) process.stdout.write(`  … and ${report.problems.length - 50} more\n`);
}

/**
 * `verify`: recomputes the hash chains and, for the whole log, checks it against the signed anchors (docs/adr/0058),
 * which catch a rewrite whose hashes were all recomputed; exit code 2 when anything is broken, so schedulers can alert.
 */
export function registerVerifyCommand(program: Command, pool: () => Pool): void {
  program
    .command('verify')
    .description('Verify the hash chain of one stream, of every stream of a unit, or of the whole event log (then against the signed anchors too)')
    .option('--stream <streamId>', 'one record, e.g. meeting-3f0c…')
    .option('--unit <code>', 'every record with an event under this unit code')
    .option('--anchors <file>', 'the anchors to trust, as shipped (JSON lines); default those stored in the database')
    .option('--anchor-key <pem...>', 'public key(s) the anchors are signed with (default ANCHOR_PUBLIC_KEY_FILE)')
    .action(async (options: { stream?: string; unit?: string; anchors?: string; anchorKey?: string[] }) => {
      const scope = scopeOf(options);
      const connection = pool();
      try {
        const verifier = new ChainVerifier(connection);
        const total = await verifier.count(scope);
        const bar = progressBar(`verifying ${describe(scope)}`);
        const started = Date.now();
        const report = await verifier.verify(scope, (checked) => bar(checked, total));
        bar.stop();
        const seconds = (Date.now() - started) / 1000;
        const rate = Math.round(report.eventsChecked / Math.max(seconds, 0.001));
        if (report.firstBrokenLink) {
          const link = report.firstBrokenLink;
          process.stdout.write(
            `BROKEN after ${report.eventsChecked} intact events: ${link.problem} at position ${link.position}, ` +
              `stream ${link.streamId} version ${link.streamVersion} (event ${link.eventId})\n${link.explanation}\n`,
          );
          process.exitCode = 2;
        } else {
          process.stdout.write(`intact: ${report.eventsChecked} events in ${report.streamsChecked} streams (${rate} events/s)\n`);
        }
        if (scope.kind !== 'log') return;
        const keys = anchorKeyFiles(options.anchorKey);
        if (!keys.length) {
          process.stdout.write('anchors not checked: give --anchor-key or set ANCHOR_PUBLIC_KEY_FILE\n');
          return;
        }
        const anchors = options.anchors ? parseAnchorLines(readFileSync(options.anchors, 'utf8')) : await storedAnchors(connection);
        const anchorReport = await new AnchorVerifier(connection).verify(anchors, readAnchorPublicKeys(keys));
        printAnchorReport(anchorReport, options.anchors ?? 'stored in the database');
        if (!anchorReport.intact) process.exitCode = 2;
      } finally {
        await connection.end();
      }
    });
}
