import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEventSchemas, SCHEMA_DIRECTORY, serialize } from './event-schemas';
import { asyncApiDocument } from './asyncapi-document';

/** `npm run contract`: rewrites docs/asyncapi (the AsyncAPI document and the payload schemas) from the code. */
mkdirSync(SCHEMA_DIRECTORY, { recursive: true });
for (const [file, schema] of generateEventSchemas()) {
  writeFileSync(join(SCHEMA_DIRECTORY, file), serialize(schema));
  process.stdout.write(`wrote docs/asyncapi/schemas/${file}\n`);
}
writeFileSync(join(SCHEMA_DIRECTORY, '..', 'asyncapi.json'), serialize(asyncApiDocument()));
process.stdout.write('wrote docs/asyncapi/asyncapi.json\n');
