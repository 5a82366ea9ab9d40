import { writeFileSync } from 'node:fs';
import { configJsonSchema } from './config-schema.js';

// npx esbuild scripts/write-config-schema.ts --bundle --platform=node --format=esm \
//   --packages=external --log-level=warning | node --input-type=module
for (const [file, schema] of Object.entries(configJsonSchema())) {
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
}
