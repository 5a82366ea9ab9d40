import fc from 'fast-check';
import { parseCredit } from '../../src/fields/index.js';
import {
  type Article,
  articleSchema,
  type Block,
  type Caption,
  type Inline,
  type ListItem,
} from '../../src/schema/index.js';

/**
 * Words for generated text: plain news words, and the characters Markdown treats specially
 * (`*`, `_`, `#`, `[`, `<`, `` ` ``, `\`, `|`, `~`, a leading `1.`, `-`, `+`, `>`, `&`).
 */
const words = [
  'harbour',
  'ferry',
  'board',
  'voted',
  'night',
  'council',
  'Lisbon',
  'mayor',
  'said',
  'budget',
  '2024',
  '12.5%',
  '*',
  '**',
  '_',
  'snake_case',
  'a*b',
  '#',
  'C#',
  '#1',
  '[',
  ']',
  '[draft]',
  '<',
  '>',
  '<b>',
  '`',
  '\\',
  '|',
  '~',
  '~~',
  '1.',
  '2)',
  '-',
  '+',
  '!',
  '&',
  '&amp;',
  'é',
  '—',
  '“quoted”',
  'http://',
  'e.g.',
  // Text that only looks like a literal link, an email or a Hugo shortcode (GFM is on in
  // every file), and HTML that tries to end a block.
  'https://example.com/x',
  'www.example.org',
  'a@e.l',
  'mailto:desk@example.com',
  '{{<',
  '{{< figure src="https://example.com/s.png" >}}',
  '{{% note %}}',
  '</figure>',
  '-->',
  // Opens Pandoc's table caption when a paragraph right after a table starts with it.
  'Table:',
];

const word = fc.constantFrom(...words);
/** A line of 1–10 words: no leading or trailing space, single spaces. */
export const sentence = fc
  .array(word, { minLength: 1, maxLength: 10 })
  .map((parts) => parts.join(' '));
/** White space other than single spaces: runs, tabs, no-break spaces, line breaks. */
const oddSpace = fc.constantFrom('  ', '\t', '\u00a0', '\n', ' \n ', '\n\n');
/** A space, or now and then odd white space. */
const gap = fc.oneof({ arbitrary: fc.constant(' '), weight: 4 }, oddSpace);
/** Nothing, or now and then odd white space. */
const edge = fc.oneof(
  { arbitrary: fc.constant(''), weight: 3 },
  fc.constantFrom(' ', '\t', '\u00a0', '\n '),
);

/**
 * Text of 1–10 words with any white space: runs, tabs, line breaks, white space at either end
 * (for headlines and other frontmatter text, names, byline text).
 */
const looseText = fc
  .tuple(edge, fc.array(fc.tuple(word, gap), { minLength: 1, maxLength: 10 }), edge)
  .map(
    ([before, parts, after]) =>
      before +
      parts.map(([part, space], index) => (index > 0 ? space : '') + part).join('') +
      after,
  );

/**
 * Paragraph text: lines of words, split by line breaks (with spaces around them or not),
 * white space at the start (a line break too) and the end (no line break: a paragraph cannot
 * end with one).
 */
const paragraphText = fc
  .tuple(
    fc.oneof(
      { arbitrary: fc.constant(''), weight: 3 },
      fc.constantFrom(' ', '\t', '\n', '\n ', '\u00a0'),
    ),
    fc.array(fc.tuple(sentence, fc.constantFrom('\n', ' \n', '\n\t', '\n\n')), {
      minLength: 1,
      maxLength: 3,
    }),
    fc.oneof({ arbitrary: fc.constant(''), weight: 3 }, fc.constantFrom(' ', '  ', '\t', '\u00a0')),
  )
  .map(
    ([before, lines, after]) =>
      before + lines.map(([line, end], index) => (index > 0 ? end : '') + line).join('') + after,
  );

/** First paragraphs that look like a byline or a dateline (they are read as such when written so). */
const leadText = fc.constantFrom(
  'By Jane Doe',
  'By Ana Ruiz and Lena Moritz, Associated Press',
  'by Dana Whitfield',
  'LISBON (AP) — The port board voted on Tuesday.',
  'LISBON, March 3 (Reuters) - Ferries ran late.',
  'WASHINGTON — The council met.',
);

/** A plain word that starts with a letter: safe for names and keywords. */
const name = fc
  .array(
    fc.constantFrom('Ana', 'Ruiz', 'Lena', 'Moritz', 'O’Neil', 'Dana', 'Whitfield', 'de', 'Souza'),
    {
      minLength: 1,
      maxLength: 3,
    },
  )
  .map((parts) => parts.join(' '));
const url = fc.constantFrom(
  'https://example.com/news/harbour',
  'https://example.org/a?b=1&c=2',
  'https://example.net/path/with_(parens)',
  'http://example.com/x*y',
  'https://example.com/caf%C3%A9',
);
const isoDate = fc.constantFrom(
  '2015-10-20',
  '2015-10-20T10:30:00-04:00',
  '2024-02-29T23:59Z',
  '2026-03-10T18:05:00.250+05:30',
  '1999-12-31T00:00:00+00:00',
);

const textInline: fc.Arbitrary<Inline> = sentence.map((value) => ({ type: 'text', value }));
const richInline: fc.Arbitrary<Inline> = fc.oneof(
  sentence.map((value): Inline => ({ type: 'emphasis', children: [{ type: 'text', value }] })),
  sentence.map((value): Inline => ({ type: 'strong', children: [{ type: 'text', value }] })),
  sentence.map((value): Inline => ({ type: 'delete', children: [{ type: 'text', value }] })),
  fc
    .constantFrom('npm ci', 'a*b', '`tick`', 'x_y', '<br>')
    .map((value): Inline => ({ type: 'code', value })),
  fc
    .tuple(url, sentence, fc.option(sentence, { nil: undefined }))
    .map(
      ([href, text, title]): Inline =>
        title === undefined
          ? { type: 'link', url: href, children: [{ type: 'text', value: text }] }
          : { type: 'link', url: href, title, children: [{ type: 'text', value: text }] },
    ),
);

/** Inline content in canonical form: texts merged, at least one non-text node, words apart. */
const content: fc.Arbitrary<Inline[]> = fc
  .array(fc.oneof(textInline, richInline), { minLength: 1, maxLength: 5 })
  .chain((nodes) =>
    fc.array(fc.boolean(), { minLength: nodes.length, maxLength: nodes.length }).map((breaks) => {
      const result: Inline[] = [];
      nodes.forEach((node, index) => {
        if (index > 0)
          result.push(breaks[index] ? { type: 'break' } : { type: 'text', value: ' ' });
        result.push(node);
      });
      const merged: Inline[] = [];
      for (const node of result) {
        const last = merged[merged.length - 1];
        if (node.type === 'text' && last?.type === 'text') last.value += node.value;
        else merged.push(node.type === 'text' ? { ...node } : node);
      }
      return merged;
    }),
  );

const inlineText = (nodes: readonly Inline[]): string =>
  nodes
    .map((node) =>
      node.type === 'text' || node.type === 'code'
        ? node.value
        : node.type === 'break'
          ? '\n'
          : node.type === 'footnoteReference'
            ? ''
            : inlineText(node.children),
    )
    .join('');

const paragraph: fc.Arbitrary<Block> = fc.oneof(
  sentence.map((text): Block => ({ type: 'paragraph', text })),
  paragraphText.map((text): Block => ({ type: 'paragraph', text })),
  leadText.map((text): Block => ({ type: 'paragraph', text })),
  fc
    .tuple(leadText, fc.constantFrom('emphasis', 'strong', 'link', 'code'))
    .map(([text, kind]): Block => {
      const [head = '', ...rest] = text.split(' ');
      const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
      const children: Inline[] = [{ type: 'text', value: text }];
      const content: Inline[] =
        kind === 'link'
          ? [{ type: 'link', url: 'https://example.com/', children }]
          : kind === 'code'
            ? [
                { type: 'code', value: head },
                ...(tail ? [{ type: 'text' as const, value: tail }] : []),
              ]
            : [{ type: kind, children }];
      return { type: 'paragraph', text, content };
    }),
  content.map(
    (nodes): Block =>
      nodes.every((node) => node.type === 'text' || node.type === 'break')
        ? { type: 'paragraph', text: inlineText(nodes) }
        : { type: 'paragraph', text: inlineText(nodes), content: nodes },
  ),
);

const credit = fc
  .constantFrom(
    'AP Photo/Lena Moritz',
    'Dana Whitfield/Reuters',
    'Getty Images',
    'Courtesy of the Port Authority',
  )
  .map((text) => parseCredit(text) ?? { text });
const caption: fc.Arbitrary<Caption> = fc
  .record({
    text: fc.oneof(sentence, fc.constant('')),
    credit: fc.option(credit, { nil: undefined }),
  })
  .map(({ text, credit: given }) => (given ? { text, credit: given } : { text }));
const size = fc.option(fc.integer({ min: 1, max: 4000 }), { nil: undefined });
const image = fc
  .record({
    url: fc.option(url, { nil: undefined }),
    alt: fc.option(fc.oneof(sentence, fc.constant('')), { nil: undefined }),
    caption: fc.option(caption, { nil: undefined }),
    width: size,
    height: size,
  })
  .map(withoutUndefined);

/** Text, and inline content when it has formatting: what paragraphs, list items, quotes and cells hold. */
const richText: fc.Arbitrary<{ text: string; content?: Inline[] }> = fc.oneof(
  sentence.map((text) => ({ text })),
  content.map((nodes) =>
    nodes.every((node) => node.type === 'text' || node.type === 'break')
      ? { text: inlineText(nodes) }
      : { text: inlineText(nodes), content: nodes },
  ),
);

/** One line of formatted text (no line breaks), as a heading holds. */
const lineContent: fc.Arbitrary<{ text: string; content: Inline[] }> = fc
  .array(fc.oneof(textInline, richInline), { minLength: 1, maxLength: 4 })
  .filter((nodes) => nodes.some((node) => node.type !== 'text'))
  .map((nodes) => {
    const merged: Inline[] = [];
    nodes.forEach((node, index) => {
      if (index > 0) merged.push({ type: 'text', value: ' ' });
      merged.push(node);
    });
    const content: Inline[] = [];
    for (const node of merged) {
      const last = content[content.length - 1];
      if (node.type === 'text' && last?.type === 'text') last.value += node.value;
      else content.push(node.type === 'text' ? { ...node } : node);
    }
    return { text: inlineText(content), content };
  });

/** How deep generated lists nest (items holding blocks holding lists). */
const MAX_DEPTH = 3;

/**
 * A list item in canonical form: text (plain, formatted, with white space at its ends, or
 * empty), a task state (bulleted lists only, see below) and blocks under it. An item whose
 * text is empty does not start its blocks with a paragraph (that paragraph is its text).
 */
function listItem(depth: number, ordered: boolean): fc.Arbitrary<ListItem> {
  return fc
    .record({
      lead: fc.oneof(
        { arbitrary: richText, weight: 4 },
        paragraphText.map((text) => ({ text })),
        fc.constant({ text: '' }),
      ),
      // Only bulleted: the GFM hint of parseMarkdown does not see numbered task items.
      checked: ordered ? fc.constant(undefined) : fc.option(fc.boolean(), { nil: undefined }),
      blocks:
        depth >= MAX_DEPTH
          ? fc.constant<Block[]>([])
          : fc.oneof(
              { arbitrary: fc.constant<Block[]>([]), weight: 2 },
              fc.array(blockOf(depth + 1), { minLength: 1, maxLength: 3 }),
            ),
    })
    .map(({ lead, checked, blocks }): ListItem => {
      const first = blocks[0];
      const item: ListItem =
        lead.text === '' && first?.type === 'paragraph'
          ? { ...withoutUndefined({ text: first.text, content: first.content }) }
          : { ...lead };
      const rest = lead.text === '' && first?.type === 'paragraph' ? blocks.slice(1) : blocks;
      if (checked !== undefined && item.text.trim() !== '') item.checked = checked;
      if (rest.length > 0) item.blocks = rest;
      return item;
    });
}

const list = (depth: number): fc.Arbitrary<Block> =>
  fc.boolean().chain((ordered) =>
    fc
      .record({
        items: fc.array(listItem(depth, ordered), { maxLength: 4 }),
        start: ordered
          ? fc.option(
              fc.integer({ min: 0, max: 12 }).filter((start) => start !== 1),
              {
                nil: undefined,
              },
            )
          : fc.constant(undefined),
      })
      .map(
        ({ items, start }): Block => ({
          type: 'list',
          ordered,
          ...withoutUndefined({ start }),
          items,
        }),
      ),
  );

/** A quote: paragraphs of plain lines or of formatted text, and maybe a citation. */
const quote: fc.Arbitrary<Block> = fc
  .record({
    parts: fc.array(
      fc.oneof(
        // Lines may start with a dash, as a citation does.
        fc
          .array(sentence, { minLength: 1, maxLength: 2 })
          .map((lines): Inline[] =>
            lines.flatMap((line, index): Inline[] =>
              index > 0
                ? [{ type: 'break' }, { type: 'text', value: line }]
                : [{ type: 'text', value: line }],
            ),
          ),
        content,
      ),
      { minLength: 1, maxLength: 2 },
    ),
    citation: fc.option(name, { nil: undefined }),
  })
  .map(({ parts, citation }): Block => {
    const nodes: Inline[] = parts.flatMap((part, index): Inline[] =>
      index > 0 ? [{ type: 'break' }, { type: 'break' }, ...part] : part,
    );
    const text = inlineText(nodes);
    const plain = nodes.every((node) => node.type === 'text' || node.type === 'break');
    return {
      type: 'quote',
      text,
      ...(plain ? {} : { content: nodes }),
      ...withoutUndefined({ citation }),
    };
  });

/** A table: rows of equal length, cells plain or formatted, columns maybe aligned. */
const table: fc.Arbitrary<Block> = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([rows, columns]) =>
    fc.record({
      rows: fc.array(fc.array(richText, { minLength: columns, maxLength: columns }), {
        minLength: rows,
        maxLength: rows,
      }),
      align: fc.option(
        fc.array(fc.constantFrom('left' as const, 'center' as const, 'right' as const, null), {
          minLength: columns,
          maxLength: columns,
        }),
        { nil: undefined },
      ),
      caption: fc.option(sentence, { nil: undefined }),
    }),
  )
  .map(({ rows, align, caption }): Block => {
    const block: Block = { type: 'table', rows };
    if (align?.some((value) => value !== null)) block.align = align;
    if (caption !== undefined) block.caption = caption;
    return block;
  });

/** A body block; `depth` is how many list items deep it is. */
function blockOf(depth: number): fc.Arbitrary<Block> {
  return fc.oneof(
    { arbitrary: paragraph, weight: 5 },
    fc
      .record({
        level: fc.integer({ min: 2, max: 6 }),
        text: fc.oneof(
          sentence.map((text) => ({ text })),
          lineContent,
        ),
      })
      .map(({ level, text }): Block => ({ type: 'heading', level, ...text })),
    fc
      .record({
        fields: image,
        link: fc.option(fc.oneof(url, fc.constant('/photos/full.jpg')), { nil: undefined }),
      })
      .map(
        ({ fields, link }): Block => ({ type: 'figure', ...fields, ...withoutUndefined({ link }) }),
      ),
    quote,
    { arbitrary: list(depth), weight: depth === 0 ? 2 : 1 },
    fc.constant<Block>({ type: 'divider' }),
    fc
      .record({
        text: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
        language: fc.option(fc.constantFrom('js', 'ruby', 'sh'), { nil: undefined }),
      })
      .map((fields): Block => ({ type: 'code', ...withoutUndefined(fields) })),
    table,
    fc
      .record({
        url,
        provider: fc.option(fc.constantFrom('YouTube', 'Vimeo'), { nil: undefined }),
        html: fc.option(fc.constant('<iframe src="https://example.com/embed/1"></iframe>'), {
          nil: undefined,
        }),
      })
      .map((fields): Block => ({ type: 'embed', ...withoutUndefined(fields) })),
    fc.constantFrom<Block>(
      { type: 'html', html: '<div class="note">Polls close at 8 p.m.</div>' },
      { type: 'html', html: '<aside>\n<p>Related</p>\n</aside>' },
    ),
  );
}

const block = blockOf(0);

const contributor = fc
  .record({
    name,
    type: fc.constantFrom('Person', 'Organization'),
    role: fc.constantFrom('author', 'reporter', 'photographer', 'editor'),
    jobTitle: fc.option(fc.constantFrom('Staff Writer', 'AP Sports Writer'), { nil: undefined }),
    affiliation: fc.option(fc.constantFrom('The Daily Ledger', 'Associated Press'), {
      nil: undefined,
    }),
    url: fc.option(url, { nil: undefined }),
  })
  .map(withoutUndefined);

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/**
 * A valid Article, with Markdown-special characters in its text, first paragraphs that look
 * like bylines and datelines, quote lines that start with a dash, empty lists, any white space
 * in frontmatter text (headline, deck, kicker, description, id, section name, byline text) and
 * white space at the ends of paragraphs.
 *
 * Still left out: parseMarkdown reads them otherwise and toMarkdown has no spelling that
 * keeps them apart (ruling them out in the schema instead is a choice for every producer, as
 * parseText and fromJsonLd output would have to comply):
 * - paragraph text that is empty or only white space, or ends with a line break (Markdown
 *   drops an empty paragraph; a trailing `\` is a backslash, a trailing `<br>` is spacing);
 * - inline `content` not in canonical form: adjacent text nodes, `\n` inside a text value
 *   (a line break is a `break` node), white space at the ends of formatting, empty formatting,
 *   links inside links, formatting nested more than 32 levels deep;
 * - white space other than single spaces, or at the ends, in headings, list items, table
 *   cells, quote text, citations, captions and keywords (read back collapsed and trimmed);
 *   repeated keywords (read back once); table rows of unequal length or without cells;
 * - image credits other than as `parseCredit` reads their text;
 * - `html` blocks that Markdown does not read back as one HTML block (text that is not HTML,
 *   inline tags with text around them, blank lines), or that are a `<figure>`, an `<iframe>`
 *   or `<ul></ul>` (read back as the blocks they are).
 */
export const articleArbitrary: fc.Arbitrary<Article> = fc
  .record(
    {
      headline: looseText,
      alternativeHeadline: looseText,
      kicker: fc.oneof(fc.constantFrom('ANALYSIS', 'EXCLUSIVE', 'Opinion: #1'), looseText),
      description: looseText,
      url,
      id: fc.oneof(fc.constantFrom('urn:x:1', 'harbour-ferries', '12345', ' 12345\n'), looseText),
      type: fc.constantFrom('NewsArticle', 'OpinionNewsArticle', 'BlogPosting'),
      language: fc.constantFrom('en', 'en-GB', 'pt-BR'),
      section: fc.oneof(
        name.map((sectionName) => ({ name: sectionName })),
        looseText.map((sectionName) => ({ name: sectionName })),
        fc.record({ name, path: fc.array(name, { minLength: 1, maxLength: 2 }), url }),
      ),
      byline: fc.record(
        {
          text: looseText,
          contributors: fc.array(contributor, { minLength: 1, maxLength: 3 }),
        },
        { requiredKeys: ['contributors'] },
      ),
      dateline: fc.constantFrom({ text: 'LISBON (AP) —', place: 'LISBON', agency: 'AP' }),
      datePublished: isoDate,
      dateModified: isoDate,
      dateCreated: isoDate,
      image: image,
      keywords: fc.uniqueArray(fc.constantFrom('ferries', 'harbour', 'night #1', 'C#', 'a, b')),
      publisher: fc.constant({ name: 'The Daily Ledger', url: 'https://example.com/' }),
      isAccessibleForFree: fc.boolean(),
      corrections: fc.constant([
        { text: 'An earlier version misstated the date.', type: 'correction' },
      ]),
      copyright: fc.constant({ holder: 'The Daily Ledger', year: 2026 }),
      wire: fc.constant({ slug: 'BC-EU-Ferries', tags: ['UPDATE 2'] }),
      draft: fc.boolean(),
      body: fc.array(block, { maxLength: 8 }),
    },
    { requiredKeys: ['headline', 'body'] },
  )
  .map((value) => articleSchema.parse(value));
