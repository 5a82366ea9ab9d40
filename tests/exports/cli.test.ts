import { describe, expect, it } from 'vitest';
import * as mod from '../../src/cli/index.js';

describe('src/cli exports (the ESM-only `cli` bundle, not a public entry point)', () => {
  it('pins the export list', () => {
    expect(Object.keys(mod).sort()).toEqual([
      'configSchema',
      'escapeData',
      'escapeProperty',
      'loadConfig',
      'main',
      'parseConfig',
      'reportGithub',
      'reportJson',
      'reportSarif',
      'reportStylish',
      'reporters',
      'version',
    ]);
  });
});
