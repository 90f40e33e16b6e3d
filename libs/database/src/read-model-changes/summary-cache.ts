import { EVERYTHING, ReadModelChangeSink } from './read-model-changes';

interface Entry {
  answer?: Promise<unknown>;
  /** The units the answer was read from, as the load declares them. */
  readonly units: string[];
}

/** Declares the units an answer is read from: a change to any of them drops the answer. */
export type DependsOn = (units: readonly string[]) => void;

export interface SummaryCacheStatistics {
  readonly listening: boolean;
  readonly entries: number;
  readonly hits: number;
  readonly misses: number;
}

/**
 * Answers of summary queries, kept until a change to one of the units they were read from is announced
 * (ReadModelChangeListener). Dashboards ask the same summaries far more often than the records change, and a
 * city summary reads hundreds of units, so the answer itself is worth keeping (docs/adr/0014-summary-cache.md).
 *
 * Correctness rests on three rules:
 * - nothing is served from the cache unless changes are being heard; losing the channel empties it;
 * - a load still running when any change is heard is not kept for later callers (it may have read before the
 *   change committed), though the callers already waiting on it get its answer, as they would without a cache;
 * - concurrent callers of one key share one load, so a change does not send every reader to the database.
 */
export class SummaryCache implements ReadModelChangeSink {
  private readonly entries = new Map<string, Entry>();
  private readonly keysByUnit = new Map<string, Set<string>>();
  /** Loads under way, by key: an entry is indexed by its units only once loaded, and only if still current. */
  private readonly loading = new Map<string, Entry>();
  private heard = false;
  private hits = 0;
  private misses = 0;

  constructor(private readonly capacity = 10_000) {}

  async get<T>(key: string, load: (dependsOn: DependsOn) => Promise<T>): Promise<T> {
    if (!this.heard) return load(() => undefined);
    const cached = this.entries.get(key);
    if (cached) {
      this.hits += 1;
      return cached.answer as Promise<T>;
    }
    this.misses += 1;
    const entry: Entry = { units: [] };
    const answer = load((units) => entry.units.push(...units));
    entry.answer = answer;
    this.entries.set(key, entry);
    this.loading.set(key, entry);
    const current = () => this.loading.get(key) === entry && this.loading.delete(key);
    try {
      const value = await answer;
      if (current()) {
        this.index(key, entry);
        this.evictOverCapacity();
      }
      return value;
    } catch (error) {
      // Failures (404s, lost connections) are never kept.
      if (current()) this.entries.delete(key);
      throw error;
    }
  }

  changed(unit: string): void {
    // Whatever was loading may have read before this change committed: not kept.
    for (const key of this.loading.keys()) this.entries.delete(key);
    this.loading.clear();
    if (unit === EVERYTHING) return this.clear();
    for (const key of this.keysByUnit.get(unit) ?? []) this.drop(key);
  }

  listening(heard: boolean): void {
    this.heard = heard;
    this.changed(EVERYTHING);
  }

  statistics(): SummaryCacheStatistics {
    return { listening: this.heard, entries: this.entries.size, hits: this.hits, misses: this.misses };
  }

  private index(key: string, entry: Entry): void {
    for (const unit of entry.units) {
      let keys = this.keysByUnit.get(unit);
      if (!keys) this.keysByUnit.set(unit, (keys = new Set()));
      keys.add(key);
    }
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    for (const unit of entry?.units ?? []) {
      const keys = this.keysByUnit.get(unit);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByUnit.delete(unit);
    }
  }

  /** Maps keep insertion order: the oldest answers go first. */
  private evictOverCapacity(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.capacity) return;
      if (!this.loading.has(key)) this.drop(key);
    }
  }

  private clear(): void {
    this.entries.clear();
    this.keysByUnit.clear();
  }
}
