import { describe, expect, it } from 'vitest';
import * as mod from '../../src/jsonld/index.js';

describe('nutgraf/jsonld exports', () => {
  it('exports exactly the public API', () => {
    expect(Object.keys(mod).sort()).toEqual([
      'extractJsonLd',
      'fromJsonLd',
      'jsonLdRules',
      'serializeJsonLd',
      'toJsonLd',
      'toJsonLdScript',
    ]);
  });
});
