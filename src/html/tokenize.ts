/*! nutgraf's HTML tokenizer is a port of htmlparser2's (https://github.com/fb55/htmlparser2):
 * Copyright 2010, 2011, Chris Winberry <chris@winberry.net>. All rights reserved.
 * Permission is hereby granted, free of charge, to any person obtaining a copy of this software
 * and associated documentation files (the "Software"), to deal in the Software without
 * restriction, including without limitation the rights to use, copy, modify, merge, publish,
 * distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
 * Software is furnished to do so, subject to the following conditions: The above copyright
 * notice and this permission notice shall be included in all copies or substantial portions of
 * the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A
 * PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
 * LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
 * OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
 * IN THE SOFTWARE.
 */

/**
 * What {@link tokenize} calls, with offsets into the page (end exclusive): htmlparser2's
 * tokenizer callbacks, less the entity ones (references are left in text and values).
 */
export interface TokenCallbacks {
  ontext(start: number, end: number): void;
  onopentagname(start: number, end: number): void;
  onattribname(start: number, end: number): void;
  onattribdata(start: number, end: number): void;
  /** `quote`: 0 no value, 1 unquoted, 2 single quotes, 3 double quotes. */
  onattribend(quote: number, end: number): void;
  onopentagend(end: number): void;
  onselfclosingtag(end: number): void;
  onclosetag(start: number, end: number): void;
  oncomment(start: number, end: number, offset: number): void;
  oncdata(start: number, end: number, offset: number): void;
  ondeclaration(start: number, end: number): void;
  onend(): void;
  /** Asked at each start tag: in `<svg>` and `<math>` no element is raw text. */
  isInForeignContext(): boolean;
}

// The tokenizer's states, htmlparser2's numbers (the XML-only and entity states are gone),
// written as numbers in the code below: a \`switch\` on number literals is a jump table.
//  1 Text                  2 BeforeTagName          3 InTagName             4 InSelfClosingTag
//  5 BeforeClosingTagName  6 InClosingTagName       7 AfterClosingTagName   8 BeforeAttributeName
//  9 InAttributeName      10 AfterAttributeName    11 BeforeAttributeValue 12 InAttributeValueDq
// 13 InAttributeValueSq   14 InAttributeValueNq    15 BeforeDeclaration    16 InDeclaration
// 18 BeforeComment        19 CDATASequence         20 DeclarationSequence  21 InSpecialComment
// 22 InCommentLike        23 SpecialStartSequence  24 InSpecialTag         25 InPlainText

const codes = (text: string) => Array.from(text, (character) => character.charCodeAt(0));
const empty: readonly number[] = [];
const cdata = codes('CDATA[');
const cdataEnd = codes(']]>');
const commentEnd = codes('--!>');
const doctype = codes('doctype');
const iframeEnd = codes('</iframe');
const noembedEnd = codes('</noembed');
const noframesEnd = codes('</noframes');
const plaintext = codes('</plaintext');
const scriptEnd = codes('</script');
const styleEnd = codes('</style');
const titleEnd = codes('</title');
const textareaEnd = codes('</textarea');
const xmpEnd = codes('</xmp');

/** The end sequences of raw-text elements, by the first letter of their name. */
const specialStarts = new Map<number, readonly number[]>(
  [iframeEnd, noembedEnd, plaintext, scriptEnd, titleEnd, xmpEnd].map((end) => [end[2]!, end]),
);

/** HTML's white space (no vertical tab). */
const isWhitespace = (c: number) => c === 32 || c === 10 || c === 9 || c === 12 || c === 13;
/** `/`, `>` or white space: what ends a tag or attribute name. */
const isEndOfTagSection = (c: number) => c === 47 || c === 62 || isWhitespace(c);
const isAsciiAlpha = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * Read `html` with htmlparser2's tokenizer as nutgraf runs it (HTML mode, character references
 * not decoded, the whole page in one piece), calling `cbs` with exactly the events and
 * offsets that tokenizer gives (a property test compares the two on every kind of token). One
 * function with its state in local variables, and loops in place of the tokenizer's turn
 * per character wherever a state only waits for one character or the end of a name. Linear:
 * every character is looked at a bounded number of times.
 */
export function tokenize(html: string, cbs: TokenCallbacks): void {
  const length = html.length;
  let state = 1; // Text
  let sectionStart = 0;
  let index = 0;
  let isSpecial = false;
  let sequence: readonly number[] = empty;
  let sequenceIndex = 0;

  while (index < length) {
    const c = html.charCodeAt(index);
    // A state that hands the character on to another sets `state` and `continue`s: the same
    // character is read again in the new state, as htmlparser2 calls that state's method.
    switch (state) {
      case 1: {
        // Text
        if (c !== 60) index = skip(html, '<', index);
        if (html.charCodeAt(index) === 60) {
          if (index > sectionStart) cbs.ontext(sectionStart, index);
          state = 2 /* BeforeTagName */;
          sectionStart = index;
        }
        break;
      }
      case 25: {
        // InPlainText
        index = length - 1;
        break;
      }
      case 23: {
        // SpecialStartSequence
        const lower = c | 32;
        if (sequenceIndex < sequence.length) {
          if (lower === sequence[sequenceIndex]) {
            sequenceIndex++;
            break;
          }
          if (sequenceIndex === 3) {
            if (sequence === scriptEnd && lower === styleEnd[3]) {
              sequence = styleEnd;
              sequenceIndex = 4;
              break;
            }
            if (sequence === titleEnd && lower === textareaEnd[3]) {
              sequence = textareaEnd;
              sequenceIndex = 4;
              break;
            }
          } else if (sequenceIndex === 4 && sequence === noembedEnd && lower === noframesEnd[4]) {
            sequence = noframesEnd;
            sequenceIndex = 5;
            break;
          }
        } else if (isEndOfTagSection(c)) {
          sequenceIndex = 0;
          state = 3 /* InTagName */;
          continue;
        }
        isSpecial = false;
        sequence = empty;
        sequenceIndex = 0;
        state = 3 /* InTagName */;
        continue;
      }
      case 24: {
        // InSpecialTag
        if (sequenceIndex === sequence.length) {
          if (isEndOfTagSection(c)) {
            const endOfText = index - sequence.length;
            if (sectionStart < endOfText) cbs.ontext(sectionStart, endOfText);
            isSpecial = false;
            sectionStart = endOfText + 2;
            state = 6 /* InClosingTagName */;
            continue;
          }
          sequenceIndex = 0;
        }
        if ((c | 32) === sequence[sequenceIndex]) sequenceIndex += 1;
        else if (sequenceIndex === 0) {
          // `<title>` and `<textarea>` are read a character at a time (their references
          // are decoded while the end tag is looked for); the others skip to each `<`.
          if (sequence !== titleEnd && sequence !== textareaEnd) {
            index = skip(html, '<', index);
            if (html.charCodeAt(index) === 60) sequenceIndex = 1;
          }
        } else sequenceIndex = Number(c === 60);
        break;
      }
      case 19: {
        // CDATASequence
        if (c === cdata[sequenceIndex]) {
          if (++sequenceIndex === cdata.length) {
            state = 22 /* InCommentLike */;
            sequence = cdataEnd;
            sequenceIndex = 0;
            sectionStart = index + 1;
          }
          break;
        }
        sequenceIndex = 0;
        state = 21 /* InSpecialComment */;
        continue;
      }
      case 20: {
        // DeclarationSequence
        if (sequenceIndex === sequence.length) {
          state = 16 /* InDeclaration */;
          continue;
        }
        if ((c | 32) === sequence[sequenceIndex]) sequenceIndex += 1;
        else if (c === 62) {
          cbs.oncomment(sectionStart, index, 0);
          state = 1 /* Text */;
          sectionStart = index + 1;
        } else state = 21 /* InSpecialComment */;
        break;
      }
      case 12: // InAttributeValueDq
      case 13: {
        // InAttributeValueSq
        const quote = state === 12 /* InAttributeValueDq */ ? 34 : 39;
        if (c !== quote) index = skip(html, quote === 34 ? '"' : "'", index);
        if (html.charCodeAt(index) === quote) {
          cbs.onattribdata(sectionStart, index);
          sectionStart = -1;
          cbs.onattribend(quote === 34 ? 3 : 2, index + 1);
          state = 8 /* BeforeAttributeName */;
        }
        break;
      }
      case 9: {
        // InAttributeName
        // The name's end: `=`, `/`, `>` or white space (the page's end leaves it unread).
        let at = index;
        for (let code = c; !(code === 61 || isEndOfTagSection(code)); code = html.charCodeAt(at))
          if (++at === length) break;
        index = at;
        if (at === length) {
          index = length - 1;
          break;
        }
        cbs.onattribname(sectionStart, index);
        sectionStart = index;
        state = 10 /* AfterAttributeName */;
        continue;
      }
      case 22: {
        // InCommentLike
        if (
          sequence === commentEnd &&
          c === 62 &&
          ((sequenceIndex <= 1 && index === sectionStart + sequenceIndex) || sequenceIndex === 2)
        ) {
          // `<!-->`, `<!--->` and `-->`: the comment ends.
          cbs.oncomment(sectionStart, index, sequenceIndex);
          sequenceIndex = 0;
          sectionStart = index + 1;
          state = 1 /* Text */;
        } else if (sequence === commentEnd && sequenceIndex === sequence.length - 1 && c !== 62) {
          sequenceIndex = Number(c === 45);
        } else if (c === sequence[sequenceIndex]) {
          if (++sequenceIndex === sequence.length) {
            if (sequence === cdataEnd) cbs.oncdata(sectionStart, index, 2);
            else cbs.oncomment(sectionStart, index, 3);
            sequenceIndex = 0;
            sectionStart = index + 1;
            state = 1 /* Text */;
          }
        } else if (sequenceIndex === 0) {
          const first = sequence[0]!;
          index = skip(html, first === 45 ? '-' : ']', index);
          if (html.charCodeAt(index) === first) sequenceIndex = 1;
        } else if (c !== sequence[sequenceIndex - 1]) sequenceIndex = 0;
        break;
      }
      case 21: {
        // InSpecialComment
        if (c !== 62) index = skip(html, '>', index);
        if (html.charCodeAt(index) === 62) {
          cbs.oncomment(sectionStart, index, 0);
          state = 1 /* Text */;
          sectionStart = index + 1;
        }
        break;
      }
      case 8: {
        // BeforeAttributeName
        if (c === 62) {
          cbs.onopentagend(index);
          if (sequence === plaintext) {
            sequence = empty;
            state = 25 /* InPlainText */;
          } else if (isSpecial) {
            state = 24 /* InSpecialTag */;
            sequenceIndex = 0;
          } else state = 1 /* Text */;
          sectionStart = index + 1;
        } else if (c === 47) state = 4 /* InSelfClosingTag */;
        else if (!isWhitespace(c)) {
          state = 9 /* InAttributeName */;
          sectionStart = index;
        }
        break;
      }
      case 3: // InTagName
      case 6: {
        // InClosingTagName
        // The name's end: `/`, `>` or white space (the page's end leaves it unread).
        let at = index;
        for (let code = c; !isEndOfTagSection(code); code = html.charCodeAt(at))
          if (++at === length) break;
        index = at;
        if (at === length) {
          index = length - 1;
          break;
        }
        if (state === 3 /* InTagName */) {
          cbs.onopentagname(sectionStart, index);
          sectionStart = -1;
          state = 8 /* BeforeAttributeName */;
        } else {
          cbs.onclosetag(sectionStart, index);
          sectionStart = -1;
          state = 7 /* AfterClosingTagName */;
        }
        continue;
      }
      case 2: {
        // BeforeTagName
        if (c === 33) {
          state = 15 /* BeforeDeclaration */;
          sectionStart = index + 1;
        } else if (c === 63) {
          state = 21 /* InSpecialComment */;
          sectionStart = index;
        } else if (isAsciiAlpha(c)) {
          sectionStart = index;
          const special = cbs.isInForeignContext() ? undefined : specialStarts.get(c | 32);
          if (special === undefined) state = 3 /* InTagName */;
          else {
            isSpecial = true;
            sequence = special;
            sequenceIndex = 3;
            state = 23 /* SpecialStartSequence */;
          }
        } else if (c === 47) state = 5 /* BeforeClosingTagName */;
        else {
          state = 1 /* Text */;
          continue;
        }
        break;
      }
      case 10: {
        // AfterAttributeName
        if (c === 61) state = 11 /* BeforeAttributeValue */;
        else if (c === 47 || c === 62) {
          cbs.onattribend(0, sectionStart);
          sectionStart = -1;
          state = 8 /* BeforeAttributeName */;
          continue;
        } else if (!isWhitespace(c)) {
          cbs.onattribend(0, sectionStart);
          state = 9 /* InAttributeName */;
          sectionStart = index;
        }
        break;
      }
      case 11: {
        // BeforeAttributeValue
        if (c === 34) {
          state = 12 /* InAttributeValueDq */;
          sectionStart = index + 1;
        } else if (c === 39) {
          state = 13 /* InAttributeValueSq */;
          sectionStart = index + 1;
        } else if (!isWhitespace(c)) {
          sectionStart = index;
          state = 14 /* InAttributeValueNq */;
          continue;
        }
        break;
      }
      case 5: {
        // BeforeClosingTagName
        if (isWhitespace(c)) {
          state = 21 /* InSpecialComment */;
          sectionStart = index;
        } else if (c === 62) {
          state = 1 /* Text */;
          sectionStart = index + 1;
        } else {
          state = isAsciiAlpha(c) ? 6 /* InClosingTagName */ : 21 /* InSpecialComment */;
          sectionStart = index;
        }
        break;
      }
      case 7: {
        // AfterClosingTagName
        if (c !== 62) index = skip(html, '>', index);
        if (html.charCodeAt(index) === 62) {
          state = 1 /* Text */;
          sectionStart = index + 1;
        }
        break;
      }
      case 14: {
        // InAttributeValueNq
        if (isWhitespace(c) || c === 62) {
          cbs.onattribdata(sectionStart, index);
          sectionStart = -1;
          cbs.onattribend(1, index);
          state = 8 /* BeforeAttributeName */;
          continue;
        }
        break;
      }
      case 4: {
        // InSelfClosingTag
        if (c === 62) {
          cbs.onselfclosingtag(index);
          sectionStart = index + 1;
          if (sequence === plaintext) {
            sequence = empty;
            state = 25 /* InPlainText */;
          } else if (isSpecial) {
            state = 24 /* InSpecialTag */;
            sequenceIndex = 0;
          } else state = 1 /* Text */;
        } else if (!isWhitespace(c)) {
          state = 8 /* BeforeAttributeName */;
          continue;
        }
        break;
      }
      case 16: {
        // InDeclaration
        if (c !== 62) index = skip(html, '>', index);
        if (html.charCodeAt(index) === 62) {
          cbs.ondeclaration(sectionStart, index);
          state = 1 /* Text */;
          sectionStart = index + 1;
        }
        break;
      }
      case 15: {
        // BeforeDeclaration
        if (c === 91) {
          state = 19 /* CDATASequence */;
          sequenceIndex = 0;
        } else if ((c | 32) === doctype[0]) {
          state = 20 /* DeclarationSequence */;
          sequence = doctype;
          sequenceIndex = 1;
        } else if (c === 62) {
          cbs.oncomment(sectionStart, index, 0);
          state = 1 /* Text */;
          sectionStart = index + 1;
        } else if (c === 45) state = 18 /* BeforeComment */;
        else state = 21 /* InSpecialComment */;
        break;
      }
      case 18: {
        // BeforeComment
        if (c === 45) {
          state = 22 /* InCommentLike */;
          sequence = commentEnd;
          sequenceIndex = 0;
          sectionStart = index + 1;
        } else if (c === 62) {
          cbs.oncomment(sectionStart, index, 0);
          state = 1 /* Text */;
          sectionStart = index + 1;
        } else state = 21 /* InSpecialComment */;
        break;
      }
    }
    index++;
  }

  // What is left at the end (htmlparser2's `cleanup`, then `handleTrailingData`).
  if (sectionStart !== index) {
    if (
      state === 1 /* Text */ ||
      state === 25 /* InPlainText */ ||
      (state === 24 /* InSpecialTag */ && sequenceIndex === 0)
    ) {
      cbs.ontext(sectionStart, index);
      sectionStart = index;
    } else if (
      state === 12 /* InAttributeValueDq */ ||
      state === 13 /* InAttributeValueSq */ ||
      state === 14 /* InAttributeValueNq */
    ) {
      cbs.onattribdata(sectionStart, index);
      sectionStart = index;
    }
  }
  switch (state) {
    // Unfinished comments and declarations are comments; unfinished tags are dropped.
    case 22: {
      // InCommentLike
      if (sequence === cdataEnd) cbs.oncomment(sectionStart - cdata.length - 1, length, 0);
      else cbs.oncomment(sectionStart, length, Math.min(sequenceIndex, commentEnd.length - 1));
      break;
    }
    case 15: // BeforeDeclaration
    case 21: // InSpecialComment
    case 18: // BeforeComment
    case 19: {
      // CDATASequence
      cbs.oncomment(sectionStart, length, 0);
      break;
    }
    case 20: {
      // DeclarationSequence
      if (sequenceIndex !== doctype.length) cbs.oncomment(sectionStart, length, 0);
      break;
    }
    case 16: // InDeclaration
    case 3: // InTagName
    case 8: // BeforeAttributeName
    case 11: // BeforeAttributeValue
    case 10: // AfterAttributeName
    case 9: // InAttributeName
    case 13: // InAttributeValueSq
    case 12: // InAttributeValueDq
    case 14: // InAttributeValueNq
    case 6: // InClosingTagName
      break;
    default:
      if (sectionStart < length) cbs.ontext(sectionStart, length);
  }
  cbs.onend();
}

/**
 * The index of the first `character` after `index`, or the page's last index when there is
 * none (htmlparser2's `fastForwardTo`: the character there is then not `character`, as the
 * caller's own character is not).
 */
function skip(html: string, character: string, index: number): number {
  const at = html.indexOf(character, index + 1);
  return at === -1 ? html.length - 1 : at;
}
