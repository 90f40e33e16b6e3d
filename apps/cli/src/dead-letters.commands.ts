import { userInfo } from 'node:os';
import { Command } from 'commander';
import { requireMasterKeyIfNamesAreSealed } from './personal-data.commands';
import { Pool } from 'pg';
import { ALL_PROJECTIONS, DeadLetter, DeadLetterOperations, DeadLetterStatus, ProjectionRunner, Resolution } from '@civic/projections';

const STATUSES: DeadLetterStatus[] = ['PARKED', 'WAITING', 'RESOLVED', 'SKIPPED'];

function line(letter: DeadLetter): string {
  const error = letter.error ? `  ${letter.error}` : '';
  return `${letter.id.padStart(6)}  ${letter.status.padEnd(8)} ${letter.projection.padEnd(20)} ${letter.streamId} v${letter.streamVersion} (position ${letter.position}, ${letter.eventType}, attempts ${letter.attempts})${error}`;
}

function report(resolution: Resolution): void {
  process.stdout.write(`${resolution.outcome}\n`);
  if (resolution.failed) process.exitCode = 2;
}

/**
 * `dead-letters`: events a projection could not apply. Each waits with the events of its stream behind it until
 * an operator retries it (after a fix) or skips it; both are recorded with who did it.
 */
export function registerDeadLetterCommands(program: Command, pool: () => Pool): void {
  const deadLetters = program.command('dead-letters').description('Events a projection could not apply, and the events of their streams held behind them');
  const withOperations = async (work: (operations: DeadLetterOperations) => Promise<void>) => {
    const connection = pool();
    try {
      await requireMasterKeyIfNamesAreSealed(connection);
      await work(new DeadLetterOperations(connection, new ProjectionRunner(ALL_PROJECTIONS)));
    } finally {
      await connection.end();
    }
  };
  const operator = (by?: string) => by ?? `cli:${userInfo().username}`;

  deadLetters
    .command('list')
    .description('List dead letters: open ones (PARKED, WAITING) unless --status says otherwise')
    .option('--projection <name>', 'only this projection')
    .option('--status <statuses>', `comma-separated: ${STATUSES.join(', ')}`)
    .option('--limit <n>', 'at most this many', (v) => Number(v), 100)
    .action((options: { projection?: string; status?: string; limit: number }) =>
      withOperations(async (operations) => {
        const statuses = options.status?.split(',').map((s) => s.trim().toUpperCase()) as DeadLetterStatus[] | undefined;
        const unknown = statuses?.filter((s) => !STATUSES.includes(s));
        if (unknown?.length) throw new Error(`Unknown status ${unknown.join(', ')}: use ${STATUSES.join(', ')}`);
        const letters = await operations.list({ projection: options.projection, statuses, limit: options.limit });
        process.stdout.write(letters.length ? `${letters.map(line).join('\n')}\n` : 'no dead letters\n');
      }),
    );

  deadLetters
    .command('retry <id>')
    .description('Apply the parked event of the stream again, then the events waiting behind it (exit code 2 if it fails again)')
    .option('--by <operator>', 'who decides (recorded)')
    .action((id: string, options: { by?: string }) => withOperations(async (operations) => report(await operations.retry(id, operator(options.by)))));

  deadLetters
    .command('skip <id>')
    .description('Give up on a parked event (it stays in the log, unprojected) and apply the events waiting behind it')
    .requiredOption('--reason <text>', 'why it is skipped (recorded)')
    .option('--by <operator>', 'who decides (recorded)')
    .action((id: string, options: { reason: string; by?: string }) =>
      withOperations(async (operations) => report(await operations.skip(id, operator(options.by), options.reason))),
    );

  deadLetters
    .command('history <id>')
    .description('Every retry and skip of a dead letter: who, when, why, and what came of it')
    .action((id: string) =>
      withOperations(async (operations) => {
        const actions = await operations.actions(id);
        process.stdout.write(
          actions.length ? `${actions.map((a) => `${a.actedAt}  ${a.action.padEnd(5)} by ${a.actor}${a.reason ? ` (${a.reason})` : ''}: ${a.outcome}`).join('\n')}\n` : 'no actions\n',
        );
      }),
    );
}
