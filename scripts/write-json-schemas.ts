import { writeFileSync } from 'node:fs';
import { jsonSchemas } from './json-schemas.js';

for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
}
