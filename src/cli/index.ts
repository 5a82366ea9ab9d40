export { type Config, configSchema, loadConfig, parseConfig } from './config.js';
export { type MainOptions, main, version } from './main.js';
export * from './reporters/index.js';
export type { FileResult, ReportInput, Summary } from './types.js';
