import { describe, expectTypeOf, it } from 'vitest';
import {
  type FoundDate,
  findDate,
  looksLikeByline,
  type ParseBreadcrumbOptions,
  type ParseBylineOptions,
  type ParseDateOptions,
  type ParsedDate,
  parseBreadcrumb,
  parseByline,
  parseCaption,
  parseCredit,
  parseDate,
  parseDateline,
  toNameCase,
} from '../../src/fields/index.js';
import type { Byline, Caption, ContributorRole, Credit, Dateline } from '../../src/schema/index.js';

describe('field parser types', () => {
  it('return the schema types', () => {
    expectTypeOf(parseByline).returns.toEqualTypeOf<Byline>();
    expectTypeOf(parseCaption).returns.toEqualTypeOf<Caption>();
    expectTypeOf(parseCredit).returns.toEqualTypeOf<Credit | undefined>();
    expectTypeOf(parseDateline).returns.toEqualTypeOf<Dateline | undefined>();
    expectTypeOf(parseBreadcrumb).returns.toEqualTypeOf<string[]>();
    expectTypeOf(looksLikeByline).returns.toEqualTypeOf<boolean>();
    expectTypeOf(toNameCase).returns.toEqualTypeOf<string>();
  });

  it('type dates precisely', () => {
    expectTypeOf(parseDate).returns.toEqualTypeOf<ParsedDate | undefined>();
    expectTypeOf(findDate).returns.toEqualTypeOf<FoundDate | undefined>();
    expectTypeOf<ParsedDate['precision']>().toEqualTypeOf<'day' | 'minute' | 'second'>();
    expectTypeOf<ParsedDate['zone']>().toEqualTypeOf<
      'offset' | 'abbreviation' | 'option' | 'none'
    >();
    expectTypeOf<FoundDate>().toMatchTypeOf<ParsedDate>();
    expectTypeOf<FoundDate['index']>().toBeNumber();
  });

  it('take readonly option objects', () => {
    expectTypeOf(parseByline)
      .parameter(1)
      .toEqualTypeOf<Readonly<ParseBylineOptions> | undefined>();
    expectTypeOf(parseDate).parameter(1).toEqualTypeOf<Readonly<ParseDateOptions> | undefined>();
    expectTypeOf(parseBreadcrumb)
      .parameter(1)
      .toEqualTypeOf<Readonly<ParseBreadcrumbOptions> | undefined>();
    expectTypeOf<ParseBylineOptions['defaultRole']>().toEqualTypeOf<ContributorRole | undefined>();
    expectTypeOf<ParseDateOptions['referenceDate']>().toEqualTypeOf<Date | string | undefined>();
  });
});
