import { join, resolve } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';
import { payloadTypeName, PUBLISHED_EVENTS, schemaFileName } from '../../libs/messaging/src/contract/event-contract';

const REPO_ROOT = resolve(__dirname, '..', '..');
export const SCHEMA_DIRECTORY = join(REPO_ROOT, 'docs', 'asyncapi', 'schemas');

/**
 * The JSON Schema of every published payload, generated from the TypeScript types the code writes
 * (libs/messaging/src/contract/event-payloads.ts), so the documented contract cannot drift from the code:
 * a contract test regenerates them and compares with the committed files.
 */
export function generateEventSchemas(): Map<string, object> {
  const generator = createGenerator({
    path: join(REPO_ROOT, 'libs', 'messaging', 'src', 'contract', 'event-payloads.ts'),
    tsconfig: join(REPO_ROOT, 'tsconfig.json'),
    expose: 'none',
    topRef: false,
    jsDoc: 'extended',
    additionalProperties: false,
    skipTypeCheck: true,
  });
  const schemas = new Map<string, object>();
  for (const event of PUBLISHED_EVENTS) {
    const file = schemaFileName(event);
    schemas.set(file, {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `https://civic-records.example/schemas/${file}`,
      title: `${event.type} (schema version ${event.schemaVersion})`,
      description: event.summary,
      ...generator.createSchema(payloadTypeName(event)),
    });
  }
  return schemas;
}

export const serialize = (schema: object): string => `${JSON.stringify(schema, null, 2)}\n`;
