import { KeyLookup, PersonalDataKeys } from '../postgres/personal-data-keys';
import { ERASED_PERSONAL_DATA, openSealedText, sealedKeyIdOf } from './sealed-text';
import { mapPersonalFields, personalValuesOf } from './personal-fields';

/** How long a key (or its erasure) is trusted from memory before it is read again. */
const DEFAULT_KEEP_MS = 5_000;

/**
 * Opens the sealed personal fields of events for whoever may read them: the name while its key is kept,
 * ERASED_PERSONAL_DATA once it was erased. Values recorded before sealing began are passed through as they are.
 * Keys are kept in memory for a few seconds, so an erasure shows everywhere within that time.
 */
export class PersonalDataOpener {
  private readonly remembered = new Map<string, { lookup: KeyLookup; until: number }>();

  constructor(
    private readonly keys: PersonalDataKeys,
    private readonly keepMs = DEFAULT_KEEP_MS,
  ) {}

  /** The events with their personal fields opened; throws PersonalDataUnavailable when the keys cannot be read. */
  async openEvents<Event extends { readonly type: string; readonly data: unknown }>(events: readonly Event[]): Promise<Event[]> {
    const sealed = events.map((event) => personalValuesOf(event.type, event.data).map(sealedKeyIdOf).filter((id): id is string => id !== undefined));
    const lookups = await this.lookup(sealed.flat());
    return events.map((event, index) => (sealed[index].length ? { ...event, data: mapPersonalFields(event.type, event.data, (value) => this.open(value, lookups)) } : event));
  }

  /** Each sealed value of the events whose key is kept, with its key and what it says: what an erasure searches. */
  async keptValues(events: readonly { readonly type: string; readonly data: unknown }[]): Promise<{ keyId: string; text: string }[]> {
    const sealed = events.flatMap((event) => personalValuesOf(event.type, event.data)).flatMap((value) => {
      const keyId = sealedKeyIdOf(value);
      return keyId ? [{ keyId, value }] : [];
    });
    const lookups = await this.keys.lookup(sealed.map((s) => s.keyId));
    return sealed.flatMap(({ keyId, value }) => {
      const lookup = lookups.get(keyId);
      return lookup?.state === 'kept' ? [{ keyId, text: openSealedText(value, lookup.key) }] : [];
    });
  }

  /** Forgets what it remembers of these keys (or of all), e.g. when told of an erasure. */
  forget(keyIds?: readonly string[]): void {
    if (!keyIds) this.remembered.clear();
    else for (const id of keyIds) this.remembered.delete(id);
  }

  private open(value: string, lookups: ReadonlyMap<string, KeyLookup>): string {
    const keyId = sealedKeyIdOf(value);
    if (!keyId) return value;
    const lookup = lookups.get(keyId);
    return lookup?.state === 'kept' ? openSealedText(value, lookup.key) : ERASED_PERSONAL_DATA;
  }

  private async lookup(keyIds: readonly string[]): Promise<Map<string, KeyLookup>> {
    const now = Date.now();
    const found = new Map<string, KeyLookup>();
    const missing: string[] = [];
    for (const id of new Set(keyIds)) {
      const remembered = this.remembered.get(id);
      if (remembered && remembered.until > now) found.set(id, remembered.lookup);
      else missing.push(id);
    }
    if (missing.length) {
      for (const [id, lookup] of await this.keys.lookup(missing)) {
        found.set(id, lookup);
        this.remembered.set(id, { lookup, until: now + this.keepMs });
      }
    }
    return found;
  }
}
