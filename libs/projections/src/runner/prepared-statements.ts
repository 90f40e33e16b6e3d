import { PoolClient } from 'pg';
import { SqlExecutor } from '../projection';

/** Statement names by text: the same name always means the same text, on every connection. */
const names = new Map<string, string>();

/**
 * How many texts get a name. Projections build their statements from fixed parts (the rows travel as one JSON
 * or array parameter), so a few dozen texts cover them; past the bound a text is sent unnamed, so that a text
 * built from data could never fill every connection's memory with prepared statements.
 */
const MAX_NAMED_TEXTS = 256;

function nameOf(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined || names.size >= MAX_NAMED_TEXTS) return known;
  const name = `projection-${names.size}`;
  names.set(text, name);
  return name;
}

/**
 * The client as a SqlExecutor whose parameterized statements are prepared once per connection: Postgres parses
 * and analyzes each text once instead of on every batch, and plans it once when its generic plan costs what the
 * custom ones do. Parsing, analyzing and planning the projector's statements were a large share of its Postgres
 * time under a steady load (profiled: docs/performance.md, "Measurements behind the code"); statements without
 * parameters (savepoints) are sent as they are.
 */
export function preparingStatements(client: PoolClient): SqlExecutor {
  return {
    query: async <Row>(text: string, values?: unknown[]) => {
      const name = values ? nameOf(text) : undefined;
      const result = name ? await client.query({ name, text, values }) : await client.query(text, values);
      return { rows: result.rows as Row[], rowCount: result.rowCount };
    },
  };
}
