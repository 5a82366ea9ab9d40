import { parseBylineUnchecked } from '../fields/parse-byline.js';
import { parseCreditUnchecked } from '../fields/parse-caption.js';
import { parseDatelineUnchecked } from '../fields/parse-dateline.js';
import type {
  Block,
  Contributor,
  Copyright,
  Correction,
  Dateline,
  Position,
} from '../schema/index.js';
import { copySources, restoreSources, setSource } from '../schema/source-map.js';
import { lineDropped } from './diagnostics.js';
import { type Line, rangeOf } from './lines.js';
import { ADVISORY, CONTRIBUTED, COPYRIGHT, correctionRow, SIGN_OFF } from './patterns.js';
import type { Reading } from './reading.js';
import { CONTENT, captionIn } from './story.js';
import { LETTER, sizeOf, type Unit } from './units.js';

/** Lines that stand for a lead image: credits and viewer buttons. */
export const IMAGE_LINE =
  /^(?:\[(?:photo|image|picture|illustration)s?:[^\]]{1,80}\]|view images?|enlarge this image|(?:photo(?:graph)?s?|pictures?|images?|illustrations?|video) (?:by|courtesy of|credit:?)\s.{2,80}|(?:photo|image|picture) credit:?\s.{2,80}|getty images|ap photo.{0,60})$/i;

/** A credit on a line of its own; group 1 is the credit. */
const CREDIT_LINE =
  /^(?:(?:photo(?:graph)?s?|pictures?|images?|illustrations?) (?:by|courtesy of)\s|(?:photo|image|picture) credit:?\s)(.{2,80})$/i;

/** A sign-off is set apart: in parentheses, split by semicolons, or short. */
export function isSignOff(text: string): boolean {
  return SIGN_OFF.test(text) && (text.startsWith('(') || text.includes(';') || text.length <= 90);
}

/** Read Reuters sign-offs and `… contributed to this report.` into contributors. */
function endCredits(text: string): Contributor[] | undefined {
  const signOff = isSignOff(text);
  // (`contribut` stands in the text as in `clean`, which only drops brackets and spaces at its ends.)
  if (!signOff && !/contribut/i.test(text)) return undefined;
  const clean = text.replace(/^\(|\)\.?$/g, '').trim();
  if (signOff) {
    // `Reporting by A; Editing by B`: the field parser reads each clause's role.
    const { contributors } = parseBylineUnchecked(clean, { defaultRole: 'contributor' });
    return contributors.length > 0 ? contributors : undefined;
  }
  const contributed = CONTRIBUTED.exec(clean);
  if (contributed) {
    const who = contributed[1]!.replace(
      /^(?:the )?(?:associated press|ap|reuters|afp)\s+(?:writers?|reporters?|correspondents?)\s+/i,
      '',
    );
    const contributors = parseBylineUnchecked(who, {
      defaultRole: 'contributor',
    }).contributors.filter((c) => c.type === 'Person');
    return contributors.length > 0 ? contributors : undefined;
  }
  return undefined;
}

/** A paragraph that opens the body ahead of its units: the rest of a run-on headline line. */
export interface LeadParagraph {
  text: string;
  place: Position;
}

/** What the body holds besides its blocks: notes and credits printed in it. */
export interface ReadBody {
  body: Block[];
  corrections: Correction[];
  /** Contributors from end credits (`Reporting by …`, `… contributed to this report.`). */
  extra: Contributor[];
  copyright: Copyright | undefined;
  dateline: Dateline | undefined;
}

/**
 * The body, units `bodyStart` to `bodyEnd`: paragraphs (the first one's dateline read off),
 * subheads, lists, photo captions, end credits, corrections and copyright; furniture dropped
 * and reported. `clean`: the text opens with its headline, so short lines are kept.
 */
export function readBody(
  reading: Reading,
  bodyStart: number,
  bodyEnd: number,
  clean: boolean,
  lead?: LeadParagraph,
  labels?: Uint8Array,
): ReadBody {
  if (clean) return reportDropped(reading, readBlocks(reading, bodyStart, bodyEnd, true, lead));
  const { sources } = reading;
  const before = copySources(sources);
  const read = readBlocks(reading, bodyStart, bodyEnd, false, lead, labels);
  if (read.body.some(isText)) return reportDropped(reading, read);
  // Nothing but short lines under the headline (`abc`, `Test case 1`): they are the story,
  // not furniture between its paragraphs. Read them again, keeping short lines. (The lines
  // the first reading dropped were never reported: see {@link Dropped}.)
  restoreSources(sources, before);
  return reportDropped(reading, readBlocks(reading, bodyStart, bodyEnd, true, lead));
}

/**
 * Why {@link readBlocks} dropped a unit, by code: what its message calls the line (code 0: the
 * unit's boilerplate kind); codes from {@link FURNITURE} on add `between paragraphs`.
 */
const DROPPED = ['', 'short list', 'image', 'page furniture', 'short'];
const BOILER = 0;
const SHORT_LIST_LINE = 1;
const IMAGE = 2;
const FURNITURE = 3;
const SHORT_LINE = 4;

/**
 * The units a reading dropped, as pairs of numbers (unit index, {@link DROPPED} code) in the
 * order they were dropped: reported (as `boilerplate-dropped` diagnostics) only when the
 * reading is kept. A reading of a million short lines that is read again (see
 * {@link readBody}) made a million diagnostics, their messages and places, all kept alive
 * until it was thrown away: the garbage collector's work on them grew faster than the text.
 */
type Dropped = number[];

/** Report the units `read` dropped, in order, and return it. */
function reportDropped(reading: Reading, read: ReadBody & { dropped: Dropped }): ReadBody {
  const { units, diagnostics } = reading;
  const { dropped } = read;
  for (let k = 0; k < dropped.length; k += 2) {
    const unit = units[dropped[k]!]!;
    const code = dropped[k + 1]!;
    diagnostics.push(
      lineDropped(
        (code === BOILER ? unit.boiler : DROPPED[code])!,
        unit.text,
        code >= FURNITURE ? ' between paragraphs' : '',
        rangeOf(unit.first, unit.last),
      ),
    );
  }
  return read;
}

/**
 * A copyright notice: `Copyright 2026 The Associated Press. All rights reserved.`, `© 2026
 * Valdora Weekly`. A notice is short, or a footer row (`© Site | Terms | Help`): `© Provided
 * by …` opening a long paragraph is an image credit.
 */
export function readCopyright(text: string): Copyright | undefined {
  const copy =
    COPYRIGHT.test(text) && (text.length <= MAX_NOTICE || LONG_NOTICE.test(text))
      ? COPYRIGHT.exec(text)
      : null;
  if (!copy) return undefined;
  const copyright: Copyright = { notice: text };
  if (copy[1]) copyright.year = Number(copy[1]);
  const holder = copy[2]
    ?.split(/\.\s|\.$/)[0]
    ?.replace(/^by\s+/i, '')
    .trim();
  if (holder && holder.length <= 80 && !/all rights reserved/i.test(holder))
    copyright.holder = holder;
  return copyright;
}

/** Blocks that carry story text (not figures or dividers). */
function isText(block: Block): boolean {
  return block.type === 'paragraph' || block.type === 'heading' || block.type === 'list';
}

/** Longest caption, in words, read above a credit line of its own. */
const MAX_CAPTION_WORDS = 40;

/**
 * Whether a unit may be the caption above a `Photograph by …` line: captions are short and do
 * not open with a quotation (a quoted paragraph above an image's credit is story text).
 */
function isCaptionSized(unit: Unit): boolean {
  return unit.size <= MAX_CAPTION_WORDS && !OPENING_QUOTE.test(unit.text);
}

/** A quotation mark opening a line. */
const OPENING_QUOTE = /^["“„«‘'‹「『]/;

/** Longest copyright notice, in characters, unless it is a {@link LONG_NOTICE}. */
const MAX_NOTICE = 160;

/** A copyright notice of any length: it reserves rights or is a row of footer links. */
const LONG_NOTICE = /rights reserved|\s[|·•]\s/i;

/** {@link readBody}, once; `clean` keeps short lines that look like page furniture. */
function readBlocks(
  reading: Reading,
  bodyStart: number,
  bodyEnd: number,
  clean: boolean,
  lead: LeadParagraph | undefined,
  labels?: Uint8Array,
): ReadBody & { dropped: Dropped } {
  const { units, consumed, sources, wire } = reading;
  const body: Block[] = [];
  const dropped: Dropped = [];
  const corrections: Correction[] = [];
  const extra: Contributor[] = [];
  /** End-credit lines read so far (`byline.endCredits.N` in `sources`, one per line). */
  let creditLines = 0;
  let copyright: Copyright | undefined;
  let dateline: Dateline | undefined;
  let list: { items: string[]; first: Line; last: Line; ordered: boolean } | undefined;
  const flushList = () => {
    if (!list) return;
    setSource(sources, ['body', body.length], rangeOf(list.first, list.last));
    body.push({ type: 'list', ordered: list.ordered, items: list.items.map((text) => ({ text })) });
    list = undefined;
  };
  /** Whether a paragraph has been read (only the first paragraph may open with a dateline). */
  let paragraphRead = lead !== undefined;
  if (lead) {
    setSource(sources, ['body', body.length], lead.place);
    body.push({ type: 'paragraph', text: lead.text });
  }
  for (let i = bodyStart; i <= bodyEnd; i++) {
    const unit = units[i]!;
    const t = unit.text;
    if (consumed.has(i)) continue;
    if (unit.boiler) {
      dropped.push(i, BOILER);
      continue;
    }
    if (unit.bullet) {
      // A short bullet on its own is a menu entry; within a list or numbered, an item.
      if (!clean && unit.score < 0 && unit.size < 4 && !list && !unit.first.numbered) {
        dropped.push(i, SHORT_LIST_LINE);
        continue;
      }
      if (!list)
        list = { items: [], first: unit.first, last: unit.last, ordered: unit.first.numbered };
      list.items.push(t);
      list.last = unit.last;
      list.ordered &&= unit.first.numbered;
      continue;
    }
    flushList();
    const place = rangeOf(unit.first, unit.last);
    if (t.length <= 700) {
      const credits = endCredits(t);
      if (credits) {
        extra.push(...credits);
        setSource(sources, ['byline', 'endCredits', creditLines++], place);
        continue;
      }
      const correction = correctionRow(t);
      if (correction) {
        setSource(sources, ['corrections', corrections.length], place);
        corrections.push({ text: t, type: correction.type });
        continue;
      }
      const notice = readCopyright(t);
      if (notice) {
        copyright = notice;
        setSource(sources, 'copyright', place);
        continue;
      }
      if (ADVISORY.test(t) && body.length === 0) {
        wire.advisory = t;
        setSource(sources, 'wire.advisory', place);
        continue;
      }
      const caption = unit.size <= 80 ? captionIn(t) : undefined;
      if (caption) {
        setSource(sources, ['body', body.length], place);
        body.push({ type: 'figure', caption });
        continue;
      }
      // A lead-image line on its own (`View Images`, `Photograph by …`).
      if (IMAGE_LINE.test(t)) {
        const credit = CREDIT_LINE.exec(t);
        const parsed = credit ? parseCreditUnchecked(credit[1]!) : undefined;
        if (parsed) {
          setSource(sources, ['body', body.length], place);
          body.push({ type: 'figure', caption: { text: '', credit: parsed } });
        } else {
          dropped.push(i, IMAGE);
        }
        continue;
      }
      // A caption whose credit stands on the next line: `A crowd at the pier.` / `Photograph by Ana Ruiz`.
      const next = units[i + 1];
      if (next && i + 1 <= bodyEnd && isCaptionSized(unit) && CREDIT_LINE.test(next.text)) {
        const parsed = parseCreditUnchecked(CREDIT_LINE.exec(next.text)![1]!);
        if (parsed) {
          setSource(sources, ['body', body.length], rangeOf(unit.first, next.last));
          body.push({ type: 'figure', caption: { text: t, credit: parsed } });
          i++;
          continue;
        }
      }
    }
    // Page furniture inside the story (the story model's `inside` label).
    if (labels && !clean && labels[i] !== CONTENT) {
      dropped.push(i, FURNITURE);
      continue;
    }
    if (!unit.sentence && unit.size <= 14 && unit.size >= 1 && !unit.bullet && t.length <= 120) {
      const next = units[i + 1];
      if (body.length > 0 && next && i + 1 <= bodyEnd && next.size >= 8 && LETTER.test(t)) {
        setSource(sources, ['body', body.length], place);
        body.push({ type: 'heading', level: 2, text: t });
        continue;
      }
      if (!clean && unit.score < 0) {
        dropped.push(i, SHORT_LINE);
        continue;
      }
    }
    let paragraph = t;
    if (!dateline && !paragraphRead) {
      const found = parseDatelineUnchecked(paragraph);
      // The dateline's text starts after the paragraph's leading white space.
      const length = found
        ? paragraph.length - paragraph.trimStart().length + found.text.length
        : 0;
      // A dateline opens a paragraph: one that is nothing else is not one.
      if (found && length < paragraph.trimEnd().length) {
        dateline = found;
        setSource(sources, 'dateline', {
          start: place.start,
          end: {
            line: unit.first.line,
            column: place.start.column + length,
            offset: (place.start.offset ?? 0) + length,
          },
        });
        paragraph = paragraph.slice(length).trim();
      }
    }
    setSource(sources, ['body', body.length], place);
    body.push({ type: 'paragraph', text: paragraph });
    paragraphRead = true;
  }
  flushList();
  markPullQuotes(body);

  return { body, corrections, extra, copyright, dateline, dropped };
}

/**
 * A paragraph that is one quotation, `"…"` or `“…” — Name`: group 2 is the quoted text,
 * group 3 the citation (capitalised, as a name is).
 */
const QUOTATION = /^(["“«„])([^"“”«»„]{10,400})["”»“](?:\s*[—–-]\s*(\p{Lu}[^"“”«»„]{1,79}))?$/u;

/** Fewest words of a pull quote known only by its repeating the story. */
const MIN_PULL_QUOTE_WORDS = 8;

/** Paragraphs checked for being pull quotes, at most (each check searches the story once). */
const MAX_PULL_QUOTES = 20;

/**
 * Pull quotes: a paragraph that is only a quotation and either names who said it
 * (`“…” — Ana Ruiz`) or repeats words the story prints elsewhere. A quoted paragraph without
 * either stays a paragraph (stories often quote a whole paragraph). Rewrites `body` in place.
 */
function markPullQuotes(body: Block[]): void {
  const candidates: Array<{ index: number; quotation: RegExpExecArray }> = [];
  for (let index = 0; index < body.length && candidates.length < MAX_PULL_QUOTES; index++) {
    const block = body[index]!;
    // Without a full stop after the citation, a pull quote may have been read as a subhead.
    if (block.type !== 'paragraph' && block.type !== 'heading') continue;
    const quotation = block.text.length <= 500 ? QUOTATION.exec(block.text) : null;
    if (quotation) candidates.push({ index, quotation });
  }
  for (const { index, quotation } of candidates) {
    const [whole, , quoted, citation] = quotation;
    const text = quoted!.trim();
    // Repeated inside a longer paragraph (a line of dialogue printed twice is not a pull quote).
    const repeated = body.some(
      (other, at) =>
        at !== index &&
        other.type === 'paragraph' &&
        other.text.length > whole.length &&
        other.text.includes(text),
    );
    // A short catchphrase (`“I would prefer not to.”`) repeats in prose without being pulled out.
    if (citation === undefined && (!repeated || sizeOf(text) < MIN_PULL_QUOTE_WORDS)) continue;
    body[index] = citation
      ? { type: 'quote', text, citation: citation.trim() }
      : { type: 'quote', text };
  }
}
