/**
 * A WHERE clause built from the filters that are set. Values are always bound parameters; only the clause
 * shapes written here enter the SQL text. Used by every reader that takes filters from a request.
 */
export class SqlFilter {
  private readonly clauses: string[] = [];
  readonly values: unknown[] = [];

  /** Adds `clause` (given the placeholder of `value`) when `value` is set. */
  add(clause: (placeholder: string) => string, value: unknown): this {
    if (value === undefined || value === null) return this;
    this.values.push(value);
    this.clauses.push(clause(`$${this.values.length}`));
    return this;
  }

  /** Adds a fixed clause, one that takes no value (it is written here, never from a request). */
  always(clause: string): this {
    this.clauses.push(clause);
    return this;
  }

  /** A value for a clause that uses it more than once: its placeholder, to write into the clause given to `always`. */
  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** Keyset pagination over (date, id) descending. */
  before(dateColumn: string, idColumn: string, key: { date: string; id: string } | undefined): this {
    if (!key) return this;
    this.values.push(key.date, key.id);
    this.clauses.push(`(${dateColumn}, ${idColumn}) < ($${this.values.length - 1}::date, $${this.values.length}::uuid)`);
    return this;
  }

  toString(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }

  /** LIMIT one beyond `limit`, so the caller knows whether another page follows. */
  limitOneMore(limit: number): string {
    this.values.push(limit + 1);
    return `LIMIT $${this.values.length}`;
  }
}
