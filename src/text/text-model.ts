import {
  type CompiledModel,
  compileModel,
  type LinearModel,
  type Transitions,
} from '../model/index.js';
import { BODY_START_FEATURE_NAMES } from './body-start.js';
import { HEADLINE_FEATURE_NAMES } from './headline.js';
import { BYLINE_FEATURE_NAMES, DATE_FEATURE_NAMES } from './meta-model.js';
import { CONTENT_FEATURES, type StoryDecoder, storyTransitions } from './story.js';
import { TEXT_WEIGHTS } from './weights.js';

/** The fitted weights of every layout decision, as `npm run train` writes them to `weights.ts`. */
export interface TextWeights {
  /** Is a unit story text? Logistic over {@link CONTENT_FEATURES}. */
  content: LinearModel;
  /** How story labels (before, content, inside, after) are decoded from content scores. */
  story: StoryDecoder;
  /** Which candidate line is the headline? Conditional logit over {@link HEADLINE_FEATURE_NAMES}. */
  headline: LinearModel;
  /** Which line is the byline, or none? Conditional logit over {@link BYLINE_FEATURE_NAMES}. */
  byline: LinearModel;
  /** Which line holds the publication date, or none? Over {@link DATE_FEATURE_NAMES}. */
  date: LinearModel;
  /** Where under the headline does the body start? Over {@link BODY_START_FEATURE_NAMES}. */
  bodyStart: LinearModel;
}

/** {@link TextWeights} laid out for their feature tables. */
export interface TextModel {
  content: CompiledModel;
  story: StoryDecoder;
  storyTransitions: Transitions;
  headline: CompiledModel;
  byline: CompiledModel;
  date: CompiledModel;
  bodyStart: CompiledModel;
}

/** Lay out `weights` for scoring. */
export function compileTextModel(weights: TextWeights): TextModel {
  return {
    content: compileModel(weights.content, CONTENT_FEATURES),
    story: weights.story,
    storyTransitions: storyTransitions(weights.story),
    headline: compileModel(weights.headline, HEADLINE_FEATURE_NAMES),
    byline: compileModel(weights.byline, BYLINE_FEATURE_NAMES),
    date: compileModel(weights.date, DATE_FEATURE_NAMES),
    bodyStart: compileModel(weights.bodyStart, BODY_START_FEATURE_NAMES),
  };
}

let shipped: TextModel | undefined;

/** The shipped model (compiled on first use, not at import). */
export function defaultTextModel(): TextModel {
  shipped ??= compileTextModel(TEXT_WEIGHTS);
  return shipped;
}
