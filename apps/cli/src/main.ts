import { resolve } from 'node:path';
import { Command } from 'commander';
import { createPool, databaseUrlFromEnv } from '@civic/database';
import { registerUnitCommands } from './units.commands';
import { registerVerifyCommand } from './verify.commands';
import { registerDeadLetterCommands } from './dead-letters.commands';
import { registerRebuildCommand } from './rebuild.commands';
import { registerTokenCommand } from './token.command';
import { registerMigrateCommand } from './migrate.command';
import { registerAnchorCommands } from './anchors.commands';
import { registerPersonalDataCommands } from './personal-data.commands';

/**
 * `npm run cli -- <command>`: operator commands that work on the database named by DATABASE_URL.
 * `npm run cli -- --help` lists them.
 */
const program = new Command('civic-records').description('Operator commands for civic-records');
// The official lists: CIVIC_ADMIN_UNITS_DIR (a deployment mounts them there), else the shared folder beside the repository.
registerMigrateCommand(program);
registerUnitCommands(program, () => createPool('civic-cli'), process.env.CIVIC_ADMIN_UNITS_DIR ?? resolve(__dirname, '..', '..', '..', '..', 'shared', 'data', 'admin-units'));

registerVerifyCommand(program, () => createPool('civic-cli'));
registerAnchorCommands(program, () => createPool('civic-cli'));
registerPersonalDataCommands(program, () => createPool('civic-cli'));
registerDeadLetterCommands(program, () => createPool('civic-cli'));
registerRebuildCommand(program, () => databaseUrlFromEnv());
registerTokenCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
