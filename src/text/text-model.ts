import {
  type CompiledModel,
  compileModel,
  type LinearModel,
  type PackedModel,
  packModel,
  type Transitions,
  unpackModel,
} from '../model/index.js';
import { BODY_START_FEATURE_NAMES } from './body-start.js';
import { HEADLINE_FEATURE_NAMES } from './headline.js';
import { BYLINE_FEATURE_NAMES, DATE_FEATURE_NAMES } from './meta-model.js';
import { CONTENT_FEATURES, type StoryDecoder, storyTransitions } from './story.js';
import { TEXT_WEIGHTS } from './weights.js';

/** The linear decisions of the text model. */
export type TextDecision = 'content' | 'headline' | 'anchor' | 'byline' | 'date' | 'bodyStart';

/** The fitted weights of every layout decision, as `npm run train` fits them. */
export interface TextWeights {
  /** Is a unit story text? Logistic over {@link CONTENT_FEATURES}. */
  content: LinearModel;
  /** How story labels (before, content, inside, after) are decoded from content scores. */
  story: StoryDecoder;
  /** Which candidate line is the headline? Conditional logit over {@link HEADLINE_FEATURE_NAMES}. */
  headline: LinearModel;
  /**
   * The line the byline and date candidates are placed around: a headline choice over the same
   * features, fitted with the features that read the story's words as 0 (`ANCHOR_HIDDEN` in
   * scripts/train/text-fit.ts), so a headline they move leaves the byline and date where they were.
   */
  anchor: LinearModel;
  /** Which line is the byline, or none? Conditional logit over {@link BYLINE_FEATURE_NAMES}. */
  byline: LinearModel;
  /** Which line holds the publication date, or none? Over {@link DATE_FEATURE_NAMES}. */
  date: LinearModel;
  /** Where under the headline does the body start? Over {@link BODY_START_FEATURE_NAMES}. */
  bodyStart: LinearModel;
}

/**
 * {@link TextWeights} as `weights.ts` ships them: each decision packed for its feature table,
 * as whole numbers of `1 / scale` when `scale` is given (fixed point in 32nds of the fit in
 * hundredths: `-0.262` ships as `-8`, every weight within 0.005 + 1/64 of its fit and exact in
 * binary; the corpus pages read with the same fit in hundredths and in 32nds differ by a page or
 * none).
 */
export type PackedTextWeights = { [D in TextDecision]: PackedModel } & {
  story: StoryDecoder;
  scale?: number;
};

/**
 * {@link PackedTextWeights} as `weights.ts` holds them: each decision's whole numbers written as
 * text by {@link encodeWeights} (a third of the bytes of the number list, min+gz, in the browser
 * bundle), read back by {@link decodeWeights} when the shipped model is first used.
 */
export type ShippedTextWeights = { [D in TextDecision]: string } & {
  story: StoryDecoder;
  scale?: number;
};

/**
 * The packed weights of one decision as printable ASCII, one character each: a whole number
 * from -45 to 46 as the character `#` (35) to `~` (126), centred on `P` (80 = 0); a larger one
 * with a `!` (+91) before it, a smaller one with a space (−91), once for every 91 it is off.
 * `"` is never written; `\` (12) is escaped in source.
 *
 * @example
 * encodeWeights([0, -8, 30, -116]) //=> 'PHn 7'
 */
export function encodeWeights(weights: readonly number[]): string {
  return weights
    .map((weight) => {
      if (!Number.isInteger(weight) || Math.abs(weight) > 940)
        throw new RangeError(`encodeWeights: ${weight} is not a whole number within ±940`);
      let high = 0;
      while (weight - 91 * high > 46) high++;
      while (weight - 91 * high < -45) high--;
      return (
        (high < 0 ? ' '.repeat(-high) : '!'.repeat(high)) +
        String.fromCharCode(80 + weight - 91 * high)
      );
    })
    .join('');
}

/** The whole numbers {@link encodeWeights} wrote as `text`. */
export function decodeWeights(text: string): number[] {
  const weights: number[] = [];
  let high = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 35) high += code === 32 ? -91 : 91;
    else {
      weights.push(high + code - 80);
      high = 0;
    }
  }
  return weights;
}

/** {@link PackedTextWeights} written for `weights.ts` ({@link ShippedTextWeights}). */
export function shipTextWeights(packed: PackedTextWeights): ShippedTextWeights {
  const ship = (decision: TextDecision) => encodeWeights(packed[decision]);
  return {
    content: ship('content'),
    story: packed.story,
    headline: ship('headline'),
    anchor: ship('anchor'),
    byline: ship('byline'),
    date: ship('date'),
    bodyStart: ship('bodyStart'),
    ...(packed.scale === undefined ? {} : { scale: packed.scale }),
  };
}

/** The fixed-point scale {@link packTextWeights} writes weights in: 32nds (≈0.03). */
const SCALE = 32;

/** The feature names of each decision, in table order. */
export function textFeatureNames(): Record<TextDecision, readonly string[]> {
  return {
    content: CONTENT_FEATURES,
    headline: HEADLINE_FEATURE_NAMES,
    anchor: HEADLINE_FEATURE_NAMES,
    byline: BYLINE_FEATURE_NAMES,
    date: DATE_FEATURE_NAMES,
    bodyStart: BODY_START_FEATURE_NAMES,
  };
}

/** Pack fitted weights for `weights.ts`: in 32nds ({@link SCALE}), whole numbers. */
export function packTextWeights(weights: TextWeights): PackedTextWeights {
  const names = textFeatureNames();
  const pack = (decision: TextDecision) =>
    packModel(weights[decision], names[decision], 17).map((w) => Math.round(w * SCALE) || 0);
  return {
    content: pack('content'),
    story: weights.story,
    headline: pack('headline'),
    anchor: pack('anchor'),
    byline: pack('byline'),
    date: pack('date'),
    bodyStart: pack('bodyStart'),
    scale: SCALE,
  };
}

/** {@link TextWeights} laid out for their feature tables. */
export interface TextModel {
  content: CompiledModel;
  story: StoryDecoder;
  storyTransitions: Transitions;
  headline: CompiledModel;
  anchor: CompiledModel;
  byline: CompiledModel;
  date: CompiledModel;
  bodyStart: CompiledModel;
}

/** Lay out fitted (named) or shipped (packed) weights for scoring. */
export function compileTextModel(weights: TextWeights | PackedTextWeights): TextModel {
  const names = textFeatureNames();
  return layOut(weights, (decision): CompiledModel => {
    const model = weights[decision];
    return Array.isArray(model)
      ? unpackModel(model, (weights as PackedTextWeights).scale, names[decision])
      : compileModel(model as LinearModel, names[decision]);
  });
}

/** The {@link TextModel} of `weights`, each decision laid out by `compile`. */
function layOut(
  weights: { story: StoryDecoder },
  compile: (decision: TextDecision) => CompiledModel,
): TextModel {
  return {
    content: compile('content'),
    story: weights.story,
    storyTransitions: storyTransitions(weights.story),
    headline: compile('headline'),
    anchor: compile('anchor'),
    byline: compile('byline'),
    date: compile('date'),
    bodyStart: compile('bodyStart'),
  };
}

let shipped: TextModel | undefined;

/** The shipped model (compiled on first use, not at import). */
export function defaultTextModel(): TextModel {
  // The shipped weights are packed for the tables as they are (a test checks their names), so
  // each is laid out by its length, without the tables' names.
  shipped ??= layOut(TEXT_WEIGHTS, (decision) =>
    unpackModel(decodeWeights(TEXT_WEIGHTS[decision]), TEXT_WEIGHTS.scale),
  );
  return shipped;
}
