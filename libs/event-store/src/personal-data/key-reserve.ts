import { randomBytes, randomUUID } from 'node:crypto';
import { DataKey } from './sealed-text';

const KEY_BYTES = 32;

/** Fresh data keys: their bytes drawn at once, a UUID each. */
export function makeDataKeys(count: number): DataKey[] {
  const bytes = randomBytes(count * KEY_BYTES);
  return Array.from({ length: count }, (_, i) => ({ keyId: randomUUID(), key: bytes.subarray(i * KEY_BYTES, (i + 1) * KEY_BYTES) }));
}

/**
 * Data keys already stored, handed out to the commands that seal names (docs/adr/0059). A key is only ever handed
 * out after the statement storing it has committed, so a sealed value in the log always has its key in the store;
 * but the commands do not wait for a statement of their own: the keys are stored `batch` at a time, topped up in
 * the background when a quarter is left. Keys in hand when the process stops stay stored and seal nothing; they
 * name no one, and at most `batch` are left so per process.
 */
export class KeyReserve {
  private inHand: DataKey[] = [];
  private refilling: Promise<void> | undefined;

  constructor(
    /** Stores the keys (wrapped); resolves once they are committed, rejects if they are not. */
    private readonly store: (keys: readonly DataKey[]) => Promise<void>,
    private readonly batch = 128,
  ) {}

  async take(count: number): Promise<DataKey[]> {
    if (count <= 0) return [];
    // Another command may take the keys a refill brought before this one wakes: it asks again until it has its own.
    while (this.inHand.length < count) await this.refill(count - this.inHand.length);
    const taken = this.inHand.splice(0, count);
    if (this.inHand.length < this.batch / 4) this.refill(0).catch(() => undefined); // the next command meets the failure
    return taken;
  }

  /** Keys in hand now: stored, not yet handed out. */
  get available(): number {
    return this.inHand.length;
  }

  private refill(atLeast: number): Promise<void> {
    this.refilling ??= (async () => {
      try {
        const keys = makeDataKeys(Math.max(this.batch, atLeast));
        await this.store(keys);
        this.inHand.push(...keys);
      } finally {
        this.refilling = undefined;
      }
    })();
    return this.refilling;
  }
}
