import type { HtmlSyntax } from '../schema/index.js';

/**
 * Template tags of site builders written in Markdown: Jekyll's Liquid tags (`{% include
 * note.html %}`) and Hugo's shortcodes (`{{< youtube w7Ft2ymGmfc >}}`, `{{% note %}}`). A
 * paragraph made of such tags is the site builder's, not text: nutgraf keeps it verbatim as an
 * `html` block with its `syntax` (or an `embed` for a known video or post shortcode), which
 * `toMarkdown` writes back as it was.
 */

/** A template tag found in text. */
export interface TemplateTag {
  syntax: Exclude<HtmlSyntax, 'mdx'>;
  /** Its name, lower case: `include`, `youtube`, `highlight`. */
  name: string;
  /** What follows the name inside the tag, trimmed. */
  args: string;
  /** Where it starts and ends (after its closing delimiter) in the text scanned. */
  start: number;
  end: number;
}

/** A run of text in a paragraph's source: template tags, or a line (or rest of one) of other text. */
export type SourceToken = TemplateTag | { syntax: undefined; start: number; end: number };

/** Openings and closings of template tags, longest first. */
const delimiters: ReadonlyArray<{ open: string; close: string; syntax: TemplateTag['syntax'] }> = [
  { open: '{{<', close: '>}}', syntax: 'hugo' },
  { open: '{{%', close: '%}}', syntax: 'hugo' },
  { open: '{%', close: '%}', syntax: 'liquid' },
];

/** Tags are short: longer spans between an opening and a closing are not one tag. */
const MAX_TAG_LENGTH = 4000;

/** A tag's name: after the opening, `-` (Liquid's white space control) and spaces, a word (`/note` closes a Hugo pair). */
const tagName = /^[-\s]*(\/?[A-Za-z_][\w-]{0,63})/;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function isLineEnding(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

/**
 * The tag that starts at `at` in `text`, if one does (opening, name, closing within
 * {@link MAX_TAG_LENGTH}). `next` caches where each closing delimiter is next found: calls
 * come with growing `at`, so each closing delimiter is searched for once over the text.
 */
function tagAt(text: string, at: number, next: Map<string, number>): TemplateTag | undefined {
  for (const { open, close, syntax } of delimiters) {
    if (!text.startsWith(open, at)) continue;
    let end = next.get(close);
    if (end === undefined || (end !== -1 && end < at + open.length)) {
      end = text.indexOf(close, at + open.length);
      next.set(close, end);
    }
    if (end === -1 || end - at > MAX_TAG_LENGTH) return undefined;
    const inner = text.slice(at + open.length, end);
    const name = tagName.exec(inner);
    if (!name?.[1]) return undefined;
    const args = inner.slice(name[0].length).replace(/-$/, '').trim();
    return { syntax, name: name[1].toLowerCase(), args, start: at, end: end + close.length };
  }
  return undefined;
}

/**
 * Split a paragraph's source into template tags and lines of other text: at the start of a
 * line (spaces and tabs skipped) and after a tag, a tag is read when one starts there; any
 * other text runs to the end of its line. Tags may span lines (`{% include "a.html",\n  b: 1
 * %}`). Linear: each closing delimiter is searched for once over the text.
 *
 * @example
 * tokenizeTemplateSource('{{< note >}}\nText\n{{< /note >}}').map((token) => token.syntax)
 * //=> ['hugo', undefined, 'hugo']
 */
export function tokenizeTemplateSource(text: string): SourceToken[] {
  const tokens: SourceToken[] = [];
  const next = new Map<string, number>();
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (isSpace(code) || isLineEnding(code)) {
      at++;
      continue;
    }
    const tag = code === 0x7b ? tagAt(text, at, next) : undefined;
    if (tag) {
      tokens.push(tag);
      at = tag.end;
      continue;
    }
    let end = at;
    while (end < text.length && !isLineEnding(text.charCodeAt(end))) end++;
    tokens.push({ syntax: undefined, start: at, end });
    at = end;
  }
  return tokens;
}

/** Whether only spaces and tabs come between `from` and the next line ending (or the end). */
export function restOfLineBlank(text: string, from: number): boolean {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (isLineEnding(code)) return true;
    if (!isSpace(code)) return false;
  }
  return true;
}

/** A known embed shortcode: its URL from its arguments, and who hosts it. */
interface EmbedShortcode {
  provider: string;
  url(args: Readonly<Record<string, string>>, first: string | undefined): string | undefined;
}

const idPattern = /^[\w-]{1,64}$/;
const userPattern = /^\w{1,64}$/;

function idOf(
  args: Readonly<Record<string, string>>,
  first: string | undefined,
): string | undefined {
  const id = args.id ?? first;
  return id !== undefined && idPattern.test(id) ? id : undefined;
}

/** Embed shortcodes (Hugo's built-in ones, and the Jekyll plugins' of the same names) by name. */
const embedShortcodes: Readonly<Record<string, EmbedShortcode>> = {
  youtube: {
    provider: 'YouTube',
    url: (args, first) => {
      const id = idOf(args, first);
      return id && `https://www.youtube.com/watch?v=${id}`;
    },
  },
  vimeo: {
    provider: 'Vimeo',
    url: (args, first) => {
      const id = idOf(args, first);
      return id && /^\d+$/.test(id) ? `https://vimeo.com/${id}` : undefined;
    },
  },
  tweet: {
    provider: 'Twitter',
    url: (args, first) => {
      const id = idOf(args, first);
      if (!id || !/^\d+$/.test(id)) return undefined;
      const user = args.user;
      return user && userPattern.test(user)
        ? `https://twitter.com/${user}/status/${id}`
        : `https://twitter.com/i/status/${id}`;
    },
  },
  x: {
    provider: 'X',
    url: (args, first) => {
      const id = idOf(args, first);
      const user = args.user;
      return id && /^\d+$/.test(id) && user && userPattern.test(user)
        ? `https://x.com/${user}/status/${id}`
        : undefined;
    },
  },
  instagram: {
    provider: 'Instagram',
    url: (args, first) => {
      const id = idOf(args, first);
      return id && `https://www.instagram.com/p/${id}/`;
    },
  },
};

/** One argument of a tag: `key="value"`, `key=value`, `"value"` or `value`. */
const argument =
  /([A-Za-z_][\w-]{0,63})=(?:"([^"]*)"|'([^']*)'|([^\s"']+))|"([^"]*)"|'([^']*)'|([^\s=]+)/g;

/** The named arguments of a tag and its first positional one. */
function readArguments(args: string): { named: Record<string, string>; first?: string } {
  const named = Object.create(null) as Record<string, string>;
  let first: string | undefined;
  for (const match of args.matchAll(argument)) {
    if (match[1] !== undefined) {
      const key = match[1].toLowerCase();
      if (!(key in named)) named[key] = match[2] ?? match[3] ?? match[4] ?? '';
    } else first ??= match[5] ?? match[6] ?? match[7];
  }
  return first === undefined ? { named } : { named, first };
}

/**
 * The embed a template tag stands for, when it is a known video or post shortcode with an id
 * (`{{< youtube w7Ft2ymGmfc >}}`, `{{< tweet user="x" id="1" >}}`, `{% youtube w7Ft2ymGmfc %}`).
 *
 * @example
 * embedOfTag({ syntax: 'hugo', name: 'vimeo', args: '146022717', start: 0, end: 22 })
 * //=> { url: 'https://vimeo.com/146022717', provider: 'Vimeo' }
 */
export function embedOfTag(tag: TemplateTag): { url: string; provider: string } | undefined {
  const known = Object.hasOwn(embedShortcodes, tag.name) ? embedShortcodes[tag.name] : undefined;
  if (!known) return undefined;
  const { named, first } = readArguments(tag.args);
  const url = known.url(named, first);
  return url ? { url, provider: known.provider } : undefined;
}

/** A Liquid `{% highlight ruby linenos %}`: the language, its first argument. */
export function highlightLanguage(tag: TemplateTag): string | undefined {
  if (tag.syntax !== 'liquid' || tag.name !== 'highlight') return undefined;
  const language = /^[\w+#.-]{1,40}/.exec(tag.args);
  return language?.[0];
}

/** The closing `{% endhighlight %}` of a Liquid highlight block. */
const endHighlight = /\{%-?[ \t]{0,20}endhighlight[ \t]{0,20}-?%\}/g;

/**
 * Find the `{% endhighlight %}` at or after `from` in `text`: its start and end, or
 * `undefined`.
 */
export function findEndHighlight(
  text: string,
  from: number,
): { start: number; end: number } | undefined {
  endHighlight.lastIndex = from;
  const match = endHighlight.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}
