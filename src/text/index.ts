export { type ParseTextOptions, type ParseTextResult, parseText } from './parse-text.js';
