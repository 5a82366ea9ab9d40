import { describe, expect, it } from 'vitest';
import * as mod from '../../src/fields/index.js';

describe('src/fields exports', () => {
  it('pins the public export list', () => {
    expect(Object.keys(mod).sort()).toEqual([
      'agencyName',
      'findDate',
      'isAgency',
      'looksLikeByline',
      'parseBreadcrumb',
      'parseByline',
      'parseCaption',
      'parseCredit',
      'parseDate',
      'parseDateline',
      'toNameCase',
    ]);
  });
});
