export { TEXT_DIAGNOSTICS, type TextDiagnosticRule } from './diagnostics.js';
export { type ParseTextOptions, type ParseTextResult, parseText } from './parse-text.js';
