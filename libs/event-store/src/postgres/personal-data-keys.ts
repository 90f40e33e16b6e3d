import { Queryable } from '@civic/database';
import { DataKey } from '../personal-data/sealed-text';
import { KeyReserve } from '../personal-data/key-reserve';
import { MasterKey, unwrapDataKey, wrapDataKey } from '../personal-data/master-key';

/** The keys cannot be had now: no master key configured, the wrong one, or the database away. Answered 503. */
export class PersonalDataUnavailable extends Error {
  readonly code = 'PERSONAL_DATA.UNAVAILABLE';
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`Personal data cannot be read or written now: ${reason}.`, options);
  }
}

export type KeyLookup =
  | { readonly state: 'kept'; readonly key: Buffer }
  | { readonly state: 'erased'; readonly erasedAt: string; readonly erasureId: string }
  /** No such key: never stored (a command that failed after making it is not one), or from another database. */
  | { readonly state: 'unknown' };

/** Where the data keys live: Postgres, each wrapped by the master key (docs/adr/0059). */
export class PersonalDataKeys {
  /** Keys stored ahead of the commands that seal with them (see create). */
  private readonly reserve = new KeyReserve((keys) => this.store(keys));

  constructor(
    /** A pool, or the connection of a transaction (a projection reads keys in its batch's own). */
    private readonly pool: Queryable,
    private readonly master: MasterKey | undefined,
  ) {}

  /**
   * Data keys already stored (wrapped), for a command to seal with. They come from a reserve stored a batch at a
   * time (KeyReserve): a statement for each command, or for each turn of the event loop, cost records-api more CPU
   * than sealing itself (docs/performance.md).
   */
  async create(count: number): Promise<DataKey[]> {
    if (!count) return [];
    this.requireMaster();
    return this.reserve.take(count);
  }

  /** Keys stored ahead and not yet handed out (a metric for operators). */
  get keysInHand(): number {
    return this.reserve.available;
  }

  private async store(keys: readonly DataKey[]): Promise<void> {
    const master = this.requireMaster();
    await this.query(
      `INSERT INTO personal_data_keys (key_id, master_key_id, wrapped_key) SELECT * FROM unnest($1::uuid[], $2::text[], $3::bytea[])`,
      [keys.map((k) => k.keyId), keys.map(() => master.id), keys.map((k) => wrapDataKey(k.key, k.keyId, master))],
    );
  }

  async lookup(keyIds: readonly string[]): Promise<Map<string, KeyLookup>> {
    const found = new Map<string, KeyLookup>(keyIds.map((id) => [id, { state: 'unknown' }]));
    if (!keyIds.length) return found;
    const master = this.requireMaster();
    const { rows } = await this.query<{ key_id: string; master_key_id: string; wrapped_key: Buffer | null; erased_at: Date | null; erasure_id: string | null }>(
      'SELECT key_id, master_key_id, wrapped_key, erased_at, erasure_id FROM personal_data_keys WHERE key_id = ANY($1::uuid[])',
      [[...new Set(keyIds)]],
    );
    for (const row of rows) {
      if (!row.wrapped_key) {
        found.set(row.key_id, { state: 'erased', erasedAt: row.erased_at!.toISOString(), erasureId: row.erasure_id! });
        continue;
      }
      if (row.master_key_id !== master.id) throw new PersonalDataUnavailable(`the keys were wrapped by master key ${row.master_key_id}, and ${master.id} is configured`);
      found.set(row.key_id, { state: 'kept', key: unwrapDataKey(row.wrapped_key, row.key_id, master) });
    }
    return found;
  }

  /**
   * Destroys the keys (their wrapped bytes set to null), recording the erasure that did it; answers those destroyed
   * now (keys already erased are left as they were). Then vacuums the table, so the old row versions that still hold
   * the wrapped keys are gone from its pages too; the write-ahead log and backups keep them until they expire.
   * Without the vacuum inside a transaction (a projection's), where it cannot run.
   */
  async erase(keyIds: readonly string[], erasureId: string, { vacuum = true }: { vacuum?: boolean } = {}): Promise<string[]> {
    const { rows } = await this.query<{ key_id: string }>(
      `UPDATE personal_data_keys SET wrapped_key = NULL, erased_at = now(), erasure_id = $2
       WHERE key_id = ANY($1::uuid[]) AND wrapped_key IS NOT NULL RETURNING key_id`,
      [[...new Set(keyIds)], erasureId],
    );
    if (rows.length && vacuum) await this.pool.query('VACUUM personal_data_keys').catch(() => undefined);
    return rows.map((row) => row.key_id);
  }

  private requireMaster(): MasterKey {
    if (!this.master) throw new PersonalDataUnavailable('no master key is configured (PERSONAL_DATA_MASTER_KEY)');
    return this.master;
  }

  private async query<Row extends object>(text: string, values: unknown[]): Promise<{ rows: Row[] }> {
    try {
      return await this.pool.query<Row>(text, values);
    } catch (error) {
      throw new PersonalDataUnavailable('the key store does not answer', { cause: error });
    }
  }
}
