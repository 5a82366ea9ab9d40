import { describe, expect, it } from 'vitest';
import { introPhrases } from '../../src/fields/byline-words.js';
import { dateLabels, modifiedLabels } from '../../src/fields/date-words.js';
import { contributorRoleSchema } from '../../src/schema/index.js';

/**
 * Some word tables are written as one `|`-separated string (fewer bytes in `nutgraf/text` than
 * an array of arrays): these check that the strings split into well-formed entries.
 */
describe('word tables written as strings', () => {
  it('gives every intro phrase a known role or none', () => {
    expect(introPhrases.length).toBeGreaterThan(100);
    for (const entry of introPhrases) {
      const [phrase, role] = entry;
      expect(entry.length, phrase).toBeLessThanOrEqual(2);
      expect(phrase, phrase).toMatch(/^\S(?:.*\S)?$/u);
      if (entry.length === 2)
        expect(contributorRoleSchema.safeParse(role).success, phrase).toBe(true);
    }
    expect(introPhrases).toContainEqual(['additional reporting by', 'contributor']);
    expect(introPhrases).toContainEqual(['written by']);
    expect(new Set(introPhrases.map(([phrase]) => phrase)).size).toBe(introPhrases.length);
  });

  it('maps each date-label spelling to one label', () => {
    expect(dateLabels.size).toBe(40);
    expect(dateLabels.get('published on')).toBe('published');
    expect(dateLabels.get('originally published on')).toBe('first published');
    expect(dateLabels.get('mis à jour le')).toBe('updated');
    expect(dateLabels.get('last modified')).toBe('modified');
    for (const label of modifiedLabels) expect([...dateLabels.values()]).toContain(label);
    for (const [spelling, label] of dateLabels) {
      expect(spelling, spelling).toMatch(/^[\p{Ll}]+(?: [\p{Ll}]+)*$/u);
      expect(dateLabels.get(label), label).toBe(label);
    }
  });
});
