import { describe, expect, it } from 'vitest';
import * as mod from '../../src/markdown/index.js';

describe('nutgraf/markdown exports', () => {
  it('exports exactly the public API', () => {
    expect(Object.keys(mod).sort()).toEqual([
      'frontmatterFields',
      'frontmatterSchema',
      'markdownRules',
      'parseMarkdown',
      'remarkNutgraf',
      'toMarkdown',
    ]);
  });
});
