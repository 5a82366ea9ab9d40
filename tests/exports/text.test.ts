import { describe, expect, it } from 'vitest';
import * as mod from '../../src/text/index.js';

describe('nutgraf/text exports', () => {
  it('exports exactly the public API', () => {
    expect(Object.keys(mod).sort()).toEqual(['TEXT_DIAGNOSTICS', 'parseText']);
  });
});
