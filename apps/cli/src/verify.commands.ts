import { Command } from 'commander';
import { Pool } from 'pg';
import { ChainVerifier, VerificationScope } from '@civic/event-store';
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

/** `verify`: recomputes the hash chains; exit code 2 when a link is broken, so schedulers can alert on it. */
export function registerVerifyCommand(program: Command, pool: () => Pool): void {
  program
    .command('verify')
    .description('Verify the hash chain of one stream, of every stream of a unit, or of the whole event log')
    .option('--stream <streamId>', 'one record, e.g. meeting-3f0c…')
    .option('--unit <code>', 'every record with an event under this unit code')
    .action(async (options: { stream?: string; unit?: string }) => {
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
      } finally {
        await connection.end();
      }
    });
}
