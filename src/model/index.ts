export { type Choice, chooseBest } from './choice.js';
export { extractFeatures, type Feature, featureNames, featureValue } from './features.js';
export {
  type CompiledModel,
  compiledModelCache,
  compileModel,
  contributions,
  type LinearModel,
  linearScore,
  logistic,
  logit,
  type PackedModel,
  packModel,
  unpackModel,
} from './linear.js';
export { type Transitions, viterbi } from './viterbi.js';
