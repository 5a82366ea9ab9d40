import { describe, expect, it } from 'vitest';
import * as mod from '../../src/html/index.js';

describe('nutgraf/html exports', () => {
  it('exports exactly the public API', () => {
    expect(Object.keys(mod).sort()).toEqual(['HTML_DIAGNOSTICS', 'parseHtml']);
  });
});
