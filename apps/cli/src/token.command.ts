import { join } from 'node:path';
import { Command } from 'commander';
import { ROLES } from '@civic/platform';
import { readSigningKey, SIGNING_KEY_FILE, runDir, mintToken } from '@civic/local-run';

const collect = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

/**
 * `token`: a development bearer token, signed with the key `npm start` generated on first start
 * (.run/auth/signing-key.json, or CIVIC_SIGNING_KEY_FILE). Production tokens come from the identity provider.
 */
export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('Mint a development token: npm run cli -- token --role ward-clerk --unit 00295')
    .requiredOption('--role <role>', `repeatable or comma-separated: ${ROLES.join(', ')}`, collect, [])
    .option('--unit <code>', 'the unit codes the subject acts for (repeatable or comma-separated)', collect, [])
    .option('--subject <sub>', 'who the token is for', undefined)
    .option('--expires-in <span>', 'how long it is valid: 30m, 8h, 7d', '8h')
    .action(async (options: { role: string[]; unit: string[]; subject?: string; expiresIn: string }) => {
      const unknown = options.role.filter((role) => !ROLES.includes(role as (typeof ROLES)[number]));
      if (unknown.length) throw new Error(`Unknown role ${unknown.join(', ')}: use ${ROLES.join(', ')}`);
      const key = readSigningKey(process.env.CIVIC_SIGNING_KEY_FILE ?? join(runDir, 'auth', SIGNING_KEY_FILE));
      const subject = options.subject ?? `dev-${options.role[0]}${options.unit.length ? `-${options.unit.join('-')}` : ''}`;
      process.stdout.write(`${await mintToken(key, { subject, roles: options.role, units: options.unit, expiresIn: options.expiresIn })}\n`);
    });
}
