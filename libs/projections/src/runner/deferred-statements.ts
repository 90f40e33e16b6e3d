import { SqlExecutor } from '../projection';

/** An executor that holds back the statements sent later, and hands over those still held at the end. */
export interface DeferringExecutor extends SqlExecutor {
  /** The statements still held, as one text of statements each ended by a semicolon ('' if none); held no more. */
  takeDeferred(): string;
}

/**
 * Lets a batch's statements that answer nothing (inserts of rows) wait and travel with the next query, or with
 * the transaction's COMMIT: a projector batch of meetings was four round trips (open and read the offset, claim,
 * insert, move the offset and commit), each waking Postgres and the projector again; the insert now rides with
 * the commit (docs/adr/0028). Order is kept: any query first sends what is held, in the order it was sent later.
 */
export function deferringStatements(sql: SqlExecutor): DeferringExecutor {
  let held: string[] = [];
  const take = () => {
    const text = held.map((statement) => `${statement};\n`).join('');
    held = [];
    return text;
  };
  const sendHeld = async () => {
    if (held.length) await sql.query(take());
  };
  return {
    query: async (text, values) => {
      await sendHeld();
      return sql.query(text, values);
    },
    ...(sql.copyRows && {
      copyRows: async (table, columns, rows) => {
        await sendHeld();
        await sql.copyRows!(table, columns, rows);
      },
    }),
    sendLater: (text) => {
      held.push(text);
    },
    takeDeferred: take,
  };
}
