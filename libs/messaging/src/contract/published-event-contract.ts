import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EventContract, EventContractViolation, NewEvent } from '@civic/event-store';
import { PUBLISHED_EVENTS, schemaFileName } from './event-contract';
import { PUBLISHED_SCHEMAS } from './published-schemas';

/**
 * The write path's guard: every event is checked, before it is appended, against the published JSON Schema of
 * its type and schema version, compiled once at start. An event the code decided that its own contract does not
 * admit is a defect; it is refused (EventContractViolation) rather than written, published and then failing
 * every integration that validates it. Only current schema versions may be written: older ones are history.
 */
export class PublishedEventContract implements EventContract {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
    for (const event of PUBLISHED_EVENTS.filter((published) => published.current)) {
      const file = schemaFileName(event);
      const schema = PUBLISHED_SCHEMAS[file];
      if (!schema) throw new Error(`${file} is published but has no schema; run npm run contract`);
      this.validators.set(file, ajv.compile(schema));
    }
  }

  check(event: NewEvent): void {
    const validate = this.validators.get(schemaFileName(event));
    if (!validate) {
      throw new EventContractViolation(event.type, event.schemaVersion, [{ path: '', message: 'is not an event type and schema version the code may write' }]);
    }
    if (!validate(event.data)) {
      const failures = (validate.errors ?? []).map((error) => ({ path: error.instancePath, message: error.message ?? error.keyword }));
      throw new EventContractViolation(event.type, event.schemaVersion, failures);
    }
  }
}
