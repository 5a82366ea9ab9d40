/**
 * micromark's block quote, with no block quote opened past a column: `'>'` repeated made
 * micromark quadratic (its tokenizer copies the stack of open tokens, one per open block
 * quote, at every attempt: 10,000 levels took 0.2 s, 30,000 took 5 s, 100× per 10×).
 *
 * The quote whose `>` is the last before {@link QUOTE_COLUMN_CAP} on a line takes the `>`
 * markers that follow it past that column into its own prefix: `'>'` × 6,000 then `x` reads
 * as 100 nested quotes holding `x` (nutgraf reads nested quotes as one anyway; real files nest
 * a handful of levels). Otherwise this is micromark-core-commonmark's `blockQuote`, token for
 * token.
 */
import { factorySpace } from 'micromark-factory-space';
import { markdownSpace } from 'micromark-util-character';
import type {
  Code,
  Construct,
  Effects,
  Exiter,
  Extension,
  State,
  TokenizeContext,
} from 'micromark-util-types';

/** The last column at which a new block quote may open (at least 50 levels of `> `). */
export const QUOTE_COLUMN_CAP = 100;

/** A block quote's start (or, when `capped` is false, a `>` continuing one that is open). */
function quoteStart(capped: boolean) {
  return function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    // After a marker: more markers past the cap go into this quote's prefix.
    const more: State = (code: Code) => {
      if (code === 62 && this.now().column > QUOTE_COLUMN_CAP) {
        effects.enter('blockQuoteMarker');
        return markers(code);
      }
      if (markdownSpace(code)) return effects.attempt(spacedMarker, more, after)(code);
      return after(code);
    };
    // A run of markers, one token.
    const markers: State = (code: Code) => {
      if (code === 62) {
        effects.consume(code);
        return markers;
      }
      effects.exit('blockQuoteMarker');
      return more(code);
    };
    const after: State = (code: Code) => {
      if (markdownSpace(code)) {
        effects.enter('blockQuotePrefixWhitespace');
        effects.consume(code);
        effects.exit('blockQuotePrefixWhitespace');
        effects.exit('blockQuotePrefix');
        return ok;
      }
      effects.exit('blockQuotePrefix');
      return ok(code);
    };
    return (code: Code) => {
      if (code !== 62 || (capped && this.now().column > QUOTE_COLUMN_CAP)) return nok(code);
      const state = this.containerState ?? {};
      if (!state.open) {
        effects.enter('blockQuote', { _container: true });
        state.open = true;
      }
      effects.enter('blockQuotePrefix');
      effects.enter('blockQuoteMarker');
      effects.consume(code);
      effects.exit('blockQuoteMarker');
      return more;
    };
  };
}

/** Spaces then a `>` past the cap: taken into the prefix of the quote before. */
const spacedMarker: Construct = {
  name: 'nutgrafBlockQuoteMarker',
  partial: true,
  tokenize(effects, ok, nok) {
    const space: State = (code) => {
      if (markdownSpace(code)) {
        effects.consume(code);
        return space;
      }
      if (code !== 62 || this.now().column <= QUOTE_COLUMN_CAP) return nok(code);
      effects.exit('blockQuotePrefixWhitespace');
      effects.enter('blockQuoteMarker');
      effects.consume(code);
      effects.exit('blockQuoteMarker');
      return ok;
    };
    return (code) => {
      effects.enter('blockQuotePrefixWhitespace');
      return space(code);
    };
  },
};

/** A `>` continuing an open block quote: at any column. */
const continuingQuote: Construct = { name: 'nutgrafBlockQuote', tokenize: quoteStart(false) };

/** A line continuing an open block quote: up to 3 spaces, then `>`. */
function tokenizeContinuation(
  this: TokenizeContext,
  effects: Effects,
  ok: State,
  nok: State,
): State {
  const before: State = (code) => effects.attempt(continuingQuote, ok, nok)(code);
  return (code) => {
    if (markdownSpace(code)) {
      const codeIndented = !this.parser.constructs.disable.null?.includes('codeIndented');
      return factorySpace(effects, before, 'linePrefix', codeIndented ? 4 : undefined)(code);
    }
    return before(code);
  };
}

const exit: Exiter = (effects) => {
  effects.exit('blockQuote');
};

/** The capped block quote. */
const cappedBlockQuote: Construct = {
  name: 'nutgrafBlockQuote',
  tokenize: quoteStart(true),
  continuation: { tokenize: tokenizeContinuation },
  exit,
};

/** A micromark extension: micromark's block quote replaced by the capped one. */
export const cappedBlockQuotes: Extension = {
  document: { 62: cappedBlockQuote },
  disable: { null: ['blockQuote'] },
};
