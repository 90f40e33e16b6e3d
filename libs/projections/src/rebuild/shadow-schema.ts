import { PoolClient } from 'pg';

export const SHADOW_SCHEMA = 'civic_rebuild';
export const RETIRED_SCHEMA = 'civic_retired';

interface TableDefinition {
  readonly table: string;
  readonly keys: readonly { name: string; definition: string }[];
  readonly foreignKeys: readonly { name: string; definition: string }[];
  readonly indexes: readonly string[];
}

/**
 * Creates the shadow schema with empty copies of the read models' live `tables` and of the projections'
 * bookkeeping (projected_streams, which moves with them): the same columns, defaults, identity, checks, keys,
 * foreign keys and indexes under the same names (names are per schema), so that once swapped in they are
 * indistinguishable from tables made by the migrations. Runs in the caller's transaction.
 */
export async function createShadowSchema(client: PoolClient, tables: readonly string[]): Promise<void> {
  await client.query(`CREATE SCHEMA ${SHADOW_SCHEMA}`);
  // Read the definitions as the migrations wrote them, before any shadow table hides a live one.
  await client.query('SET LOCAL search_path = public');
  const definitions: TableDefinition[] = [];
  for (const table of [...tables, 'projected_streams']) definitions.push(await describe(client, table));
  await client.query(`SET LOCAL search_path = ${SHADOW_SCHEMA}, public`);
  for (const { table, keys, indexes } of definitions) {
    await client.query(`CREATE TABLE ${SHADOW_SCHEMA}.${table} (LIKE public.${table} INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED INCLUDING CONSTRAINTS)`);
    for (const key of keys) await client.query(`ALTER TABLE ${SHADOW_SCHEMA}.${table} ADD CONSTRAINT ${quote(key.name)} ${key.definition}`);
    for (const index of indexes) await client.query(index.replace(` ON public.${table} `, ` ON ${SHADOW_SCHEMA}.${table} `));
  }
  // Foreign keys name their target unqualified: with the shadow schema first on the path they point at the
  // shadow copy of a table rebuilt with this one, and move with it.
  for (const { table, foreignKeys } of definitions) {
    for (const key of foreignKeys) await client.query(`ALTER TABLE ${SHADOW_SCHEMA}.${table} ADD CONSTRAINT ${quote(key.name)} ${key.definition}`);
  }
}

/**
 * Gives the shadow copies the live tables' triggers (the change announcements of the summary cache). Done at
 * the swap, not at creation, so that replaying the whole log into the copies announces nothing; the swap
 * announces everything at once instead.
 */
export async function copyTriggersToShadow(client: PoolClient, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const { rows } = await client.query<{ definition: string }>(
      `SELECT pg_get_triggerdef(oid) AS definition FROM pg_trigger WHERE tgrelid = ('public.' || $1)::regclass AND NOT tgisinternal ORDER BY tgname`,
      [table],
    );
    for (const { definition } of rows) await client.query(definition.replace(` ON public.${table} `, ` ON ${SHADOW_SCHEMA}.${table} `));
  }
}

async function describe(client: PoolClient, table: string): Promise<TableDefinition> {
  const { rows: constraints } = await client.query<{ name: string; definition: string; kind: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition, contype AS kind FROM pg_constraint
     WHERE conrelid = ('public.' || $1)::regclass AND contype IN ('p', 'u', 'f', 'x') ORDER BY conname`,
    [table],
  );
  const { rows: indexes } = await client.query<{ definition: string }>(
    `SELECT pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
     WHERE i.indrelid = ('public.' || $1)::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [table],
  );
  return {
    table,
    keys: constraints.filter((c) => c.kind !== 'f'),
    foreignKeys: constraints.filter((c) => c.kind === 'f'),
    indexes: indexes.map((i) => i.definition),
  };
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
