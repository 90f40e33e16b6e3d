import { runMigrations } from '../../libs/schema/src';
import { logger } from './log';

/** `npm run migrate`: applies pending migrations to DATABASE_URL. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL, or use `npm start`, which provisions and migrates for you');
  const applied = await runMigrations(url);
  logger('migrate')(applied.length ? `applied ${applied.join(', ')}` : 'schema is up to date');
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
