import { describe, expect, it } from 'vitest';
import * as mod from '../../src/mdx/index.js';

describe('nutgraf/mdx exports', () => {
  it('exports exactly the public API', () => {
    expect(Object.keys(mod).sort()).toEqual(['parseMdx']);
  });
});
