import { NewEvent } from '../event-envelope';
import { PersonalDataKeys } from '../postgres/personal-data-keys';
import { sealText, sealedKeyIdOf } from './sealed-text';
import { mapPersonalFields, personalValuesOf } from './personal-fields';

/**
 * Seals the personal fields of events about to be appended (docs/adr/0059): each value that names a person gets a
 * data key of its own, stored before the value is sealed with it, so what the log holds — and the hash chain covers —
 * is ciphertext that erasing the key makes unreadable for good. Values already sealed are left as they are.
 */
export class PersonalDataSealer {
  constructor(private readonly keys: PersonalDataKeys) {}

  async seal<Event extends Pick<NewEvent, 'type' | 'data'>>(events: readonly Event[]): Promise<Event[]> {
    const plain = events.map((event) => personalValuesOf(event.type, event.data).filter((value) => !sealedKeyIdOf(value)).length);
    const keys = await this.keys.create(plain.reduce((sum, n) => sum + n, 0));
    let next = 0;
    return events.map((event, index) =>
      plain[index] ? { ...event, data: mapPersonalFields(event.type, event.data, (value) => (sealedKeyIdOf(value) ? value : sealText(value, keys[next++]))) } : event,
    );
  }
}
