import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../scripts/json-schemas.js';

describe('shipped JSON Schemas', () => {
  const schemas = jsonSchemas();

  it.each(Object.keys(schemas))('%s is current (run `npm run schema:json`)', (file) => {
    const committed = JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
    expect(committed).toEqual(schemas[file]);
  });

  it('validates articles the zod schema accepts and rejects the ones it rejects', () => {
    const ajv = new Ajv.default({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schemas['schema/article.schema.json'] as object);
    const good = {
      headline: 'Night ferries approved',
      datePublished: '2026-03-10T18:05:00-05:00',
      byline: { contributors: [{ name: 'Dana Whitfield' }] },
      body: [{ type: 'paragraph', text: 'The board voted.' }],
    };
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, headline: 7 })).toBe(false);
    expect(validate({ ...good, datePublished: '2026-03-10T18:05:00' })).toBe(false);
    expect(validate({ ...good, body: [{ type: 'marquee' }] })).toBe(false);
    expect(validate({ ...good, extra: true })).toBe(false);
  });
});
