import { readFileSync } from 'node:fs';
import { characterEntities } from 'character-entities';
import { decodeHTMLAttribute, decodeHTMLStrict } from 'entities';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKept } from '../../scripts/character-reference-table.mjs';
import { characterReferenceTable } from '../../src/schema/character-reference-table.js';
import { isScriptUrl, scriptScheme } from '../../src/schema/checks.js';
import { decodeCharacterReferences } from '../../src/schema/decode-character-references.js';

const table = new Map(
  characterReferenceTable.split(',').map((entry) => {
    const [name, code] = entry.split(':') as [string, string];
    return [name, String.fromCodePoint(Number.parseInt(code, 36))];
  }),
);
const covered = Object.keys(characterEntities).filter((name) => table.has(name));
const legacy = [
  'amp',
  'AMP',
  'lt',
  'gt',
  'quot',
  'copy',
  'not',
  'nbsp',
  'eacute',
  'raquo',
  'times',
];

describe('the character reference table', () => {
  it('holds every HTML 4 name and every name for an ASCII character, rightly decoded', () => {
    for (const [name, value] of Object.entries(characterEntities)) {
      expect(table.has(name), name).toBe(isKept(name));
      if (table.has(name)) expect(table.get(name), name).toBe(value);
    }
    for (const name of ['rsquo', 'eacute', 'nbsp', 'hellip', 'euro', 'Scaron', 'alefsym', 'apos']) {
      expect(table.has(name), name).toBe(true);
    }
  });

  it('holds every name that stands for an ASCII character (what a URL scheme is made of)', () => {
    for (const [name, value] of Object.entries(characterEntities)) {
      if (/^[\t\n\x20-\x7e]$/.test(value)) expect(table.has(name), name).toBe(true);
    }
    expect(table.size).toBeLessThan(300);
  });

  it('holds every legacy name (decoded without `;` in attributes)', () => {
    const source = readFileSync(
      new URL('../../src/schema/decode-character-references.ts', import.meta.url),
      'utf8',
    );
    const list = /const legacyNames = new Set\(\s*\(([\s\S]*?)\)\.split/.exec(source)?.[1] ?? '';
    const names = list
      .replace(/['+\s]+/g, ' ')
      .trim()
      .split(' ');
    expect(names.length).toBe(106);
    for (const name of names) expect(table.has(name), name).toBe(true);
  });
});

describe('decodeCharacterReferences', () => {
  it('decodes named, decimal and hex references', () => {
    expect(decodeCharacterReferences('Don&#8217;t &amp; won&rsquo;t &#x201C;go&#X201d;')).toBe(
      'Don’t & won’t “go”',
    );
    expect(decodeCharacterReferences('&#0; &#xD800; &#x110000; &#150; &#99999999999999;')).toBe(
      '\uFFFD \uFFFD \uFFFD – \uFFFD',
    );
  });

  it('leaves text that only looks like a reference as written', () => {
    for (const text of ['AT&T', 'Q&A', 'a & b', '&;', '&#;', '&#x;', '&unknownname;', '&', 'x&']) {
      expect(decodeCharacterReferences(text)).toBe(text);
    }
    expect(decodeCharacterReferences('&copy 2026 &#169 2026')).toBe('&copy 2026 &#169 2026');
  });

  it('in attribute mode, decodes legacy names and numbers without `;`, as HTML does', () => {
    const attribute = { mode: 'attribute' } as const;
    expect(decodeCharacterReferences('&copy 2026 &#169 &amp=1 &ampx &notit;', attribute)).toBe(
      '© 2026 © &amp=1 &ampx &notit;',
    );
  });

  const piece = fc.oneof(
    fc.constantFrom(...covered).map((name) => `&${name};`),
    fc.constantFrom(...legacy).map((name) => `&${name}`),
    fc
      .tuple(fc.nat({ max: 0x11ffff }), fc.boolean(), fc.boolean(), fc.nat({ max: 3 }))
      .map(
        ([value, hex, closed, zeros]) =>
          `&#${hex ? 'x' : ''}${'0'.repeat(zeros)}${value.toString(hex ? 16 : 10)}${closed ? ';' : ''}`,
      ),
    fc.constantFrom('&', '#', ';', '=', 'x', 'a', '1', ' ', '&#', '&#x', 'amp', 'é'),
  );

  it('decodes as the `entities` package does, on any mix of covered references', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(decodeCharacterReferences(text, { mode: 'attribute' }), text).toBe(
          decodeHTMLAttribute(text),
        );
        // Strict mode decodes what strict HTML decoding does for references ended by `;`.
        const closedOnly = text.replace(/&(#x?[0-9a-f]*|[a-z0-9]*)(?=[^;a-z0-9]|$)/gi, '');
        expect(decodeCharacterReferences(closedOnly), closedOnly).toBe(
          decodeHTMLStrict(closedOnly),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('is linear on long runs of ampersands and digits', () => {
    const text = `${'&#'.repeat(100_000)}${'9'.repeat(100_000)}${'&amp'.repeat(100_000)}`;
    expect(decodeCharacterReferences(text, { mode: 'attribute' }).length).toBeGreaterThan(0);
  });
});

/** The scheme the WHATWG URL parser reads (from the text up to the first colon), if any. */
function parsedScheme(value: string): string | undefined {
  for (const candidate of [value, value.slice(0, value.indexOf(':') + 1)]) {
    try {
      return new URL(candidate, 'https://base.example/').protocol;
    } catch {
      // The rest of the URL may be invalid while its scheme is read: try the scheme alone.
    }
  }
  return undefined;
}

/** What a browser does with a link: decode the attribute value, then parse the URL. */
function browserScheme(url: string, layers: number): string | undefined {
  let value = url;
  for (let layer = 0; layer <= layers; layer++) {
    const protocol = parsedScheme(value);
    if (protocol !== undefined && ['javascript:', 'vbscript:', 'data:'].includes(protocol)) {
      return protocol;
    }
    value = decodeHTMLAttribute(value);
  }
  return undefined;
}

describe('scriptScheme', () => {
  it.each([
    ['java&#9;script:alert(1)', 'javascript:'],
    ['jav&#x61;script:alert(1)', 'javascript:'],
    ['&#106;avascript:alert(1)', 'javascript:'],
    ['javascript&colon;alert(1)', 'javascript:'],
    ['java&Tab;script&colon;x', 'javascript:'],
    ['&#x20;&#0000106avascript:x', 'javascript:'],
    ['&amp;#106;avascript:x', 'javascript:'],
    ['VBScript&#58;x', 'vbscript:'],
    ['&#x64;ata:text/html,hi', 'data:'],
  ])('sees %j as %j', (url, scheme) => {
    expect(scriptScheme(url)).toBe(scheme);
    expect(isScriptUrl(url)).toBe(true);
  });

  it.each([
    'https://a.example/?q=java&#9;script:',
    '/javascript:x',
    'mailto:desk@a.example',
    'javascript-notes.html',
    'java&#x00A0;script:x',
    '&copy;javascript:x',
    'map.html#&#106;',
  ])('lets %j through', (url) => {
    expect(scriptScheme(url)).toBeUndefined();
  });

  /** One character of a scheme, spelled any way an HTML attribute allows. */
  const spelled = (character: string) =>
    fc
      .tuple(
        fc.constantFrom('raw', 'upper', 'decimal', 'hex', 'named'),
        fc.nat({ max: 4 }),
        fc.boolean(),
        fc.boolean(),
      )
      .map(([how, zeros, closed, upperX]) => {
        const code = character.charCodeAt(0);
        const end = closed ? ';' : '';
        if (how === 'upper') return character.toUpperCase();
        if (how === 'decimal') return `&#${'0'.repeat(zeros)}${code}${end}`;
        // An unclosed hex reference would run on into the letters after it (`&#x3aa`).
        if (how === 'hex')
          return `&#${upperX ? 'X' : 'x'}${'0'.repeat(zeros)}${code.toString(16)};`;
        if (how === 'named' && character === ':') return '&colon;';
        return character;
      });
  const breakChar = fc.constantFrom(
    '',
    '',
    '',
    '\t',
    '\n',
    '\r',
    '&Tab;',
    '&NewLine;',
    '&#9;',
    '&#x0A;',
    '&#13;',
  );
  const leading = fc.array(
    fc.constantFrom(' ', '\u0000', '\u001f', '\u0008', '&#32;', '&#x1F;', '&#0000009;'),
    { maxLength: 3 },
  );
  const spelling = (scheme: string) =>
    fc
      .tuple(
        leading,
        fc.tuple(...[...scheme].map((character) => fc.tuple(spelled(character), breakChar))),
        fc.constantFrom(0, 0, 0, 1, 2),
      )
      .map(([lead, characters, layers]) => {
        let url = `${lead.join('')}${characters.map(([c, b]) => c + b).join('')}alert(1)`;
        // Escape the ampersands again: `&amp;#106;`, as a renderer that escapes twice writes.
        for (let layer = 0; layer < layers; layer++) url = url.replaceAll('&', '&amp;');
        return url;
      });

  it('sees every spelling of javascript:, vbscript: and data: (case, breaks, leading controls, references)', () => {
    fc.assert(
      fc.property(fc.constantFrom('javascript:', 'vbscript:', 'data:').chain(spelling), (url) => {
        expect(scriptScheme(url), url).toBeDefined();
        expect(browserScheme(url, 4), url).toBeDefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with a browser (URL parser after attribute decoding, up to four layers) on any URL-ish text', () => {
    const part = fc.oneof(
      fc.constantFrom(
        'javascript:',
        'vbscript:',
        'data:',
        'java',
        'script',
        'https://a.example/',
        ':',
      ),
      spelled('j'),
      spelled(':'),
      breakChar,
      fc.constantFrom('&amp;', '&', '#', ';', ' ', '\u0000', 'x', '/', '?', '%3A', '\u00a0'),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const url = parts.join('');
        expect(scriptScheme(url), url).toBe(browserScheme(url, 4));
      }),
      { numRuns: 5000 },
    );
  });

  it('is linear on long spellings', () => {
    const long = `${'&#9;'.repeat(100_000)}${'&amp;'.repeat(100_000)}javascript:`;
    const started = performance.now();
    expect(scriptScheme(long)).toBeUndefined();
    expect(scriptScheme(`java${'\t'.repeat(200_000)}script:`)).toBe('javascript:');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
