/**
 * Regular expressions of `src/` that recheck flags as polynomial (or cannot decide in time),
 * each with the reason it is linear where it is used. A reason names the bound; "input bounded
 * by N" means every caller passes at most N characters, so the worst case is a constant.
 * Prefer making a regex linear (for `\s*X\s*`, a leading `(?<!\s)` makes a run of spaces be
 * scanned once) to adding it here.
 */

/** src/text reads lines with every run of white space collapsed to one space (lines.ts). */
const TEXT_SPACES =
  'applied to parseText line or unit text, where white space runs are collapsed to one space (lines.ts), so each `\\s` run it backtracks over is one character long';
const ANCHORED_BOUNDED =
  'anchored at `^` (one start position) and its repeats are bounded ({0,40}, {1,64}, {0,300}, …): constant work per call beyond one scan';
const BOUNDED_PER_START =
  'each start position scans at most the bounded repeat ({0,2000}, {0,4000}, {0,10000}, .{0,30}) past a literal opening (`<img`, `<figcaption`, `[caption`, `{{<`, a spaced dash): linear in the input, with that bound as the constant';
const JSON_ERROR =
  'applied to a JSON.parse error message, which V8 keeps short (it quotes at most a few characters of the input)';
const BYLINE_LINE =
  'parseByline reads lines with white space collapsed (collapsedLines); looksLikeByline only lines of at most 1,000 characters';
const BYLINE_ITEM =
  'applied to one list item of a byline: white space collapsed, at most 300 characters (maxItemLength)';
const CREDIT =
  'applied to a credit of at most 200 characters (maxCreditLength in parse-caption.ts)';
const CAPTION_WINDOW =
  'applied to the last 240 characters of a caption (findLabel: maxCreditLength + 40)';
const DATE_TOKEN = 'applied to one token of a date of at most 300 characters (maxDateLength)';
const JUNK =
  'the only unbounded part is `\\s\\|\\s.*\\s\\|\\s`: with two ` | ` in the line the first start matches, with one it scans the line once';
const DOT_STAR_END =
  'the unbounded alternative `（左）.*$` matches at its first start (line text has no line breaks); the others are bounded';
const EMOJI_TAIL =
  'measured: parseText on a line of 30,000 emoji then a letter takes 1 ms (units that long are never headline candidates)';
const HEADLINE_280 = 'applied to the first 280 characters of a headline (input bounded by 280)';
const ANCHORED_WORDS =
  'anchored at `^` and made of fixed weekday and month words: recheck times out on its size, not on a nested repeat';

/**
 * `/source/flags` → why it is safe where it is used. Each entry's comment names the constant or
 * function that writes the regex (`inline`: written in that function's body), not a line.
 */
export const allowed: Readonly<Record<string, string>> = {
  // jsonErrorTail in src/cli/check-source.ts
  '/\\s+(?:in JSON\\s+)?at position \\d+(?: \\(line \\d+ column \\d+\\))?$/': JSON_ERROR,
  // contributedSuffix in src/fields/parse-byline.ts
  '/\\s+(?:also\\s+)?contributed(?:\\s+(?:to\\s+(?:this|the)\\s+(?:report|story|article)|reporting|research|to\\s+reporting))?\\s*\\.?$/i':
    BYLINE_LINE,
  // writersPrefix in src/fields/parse-byline.ts
  "/^(?:the\\s+)?([\\p{Lu}][\\p{L}.'\u2019 -]{0,40}?)\\s+(?:staff\\s+)?(?:writers?|reporters?|correspondents?|journalists?)\\s+/iu":
    ANCHORED_BOUNDED,
  // forPrefix in src/fields/parse-byline.ts
  '/^(?:for|special\\s+to|para|f\u00fcr|pour|per)\\s+(.+)$/iu': BYLINE_ITEM,
  // emailPattern in src/fields/parse-byline.ts
  '/^<?[^\\s@<>]{1,64}@[^\\s@<>]{1,255}\\.[^\\s@<>]{2,63}>?$/u': ANCHORED_BOUNDED,
  // readChain (inline) in src/fields/parse-caption.ts
  '/\\s+photos?$/iu': CREDIT,
  // agencyPhoto in src/fields/parse-caption.ts
  "/^(\\p{Lu}[\\p{L}.&' -]{0,40}?)\\s+(?:Photos?|PHOTOS?)(?:\\s*\\/\\s*(.+))?$/u": CREDIT,
  // viaPattern in src/fields/parse-caption.ts
  '/^(.{0,120}?)\\s?\\bvia\\s(.{1,80})$/iu': ANCHORED_BOUNDED,
  // courtesyPattern in src/fields/parse-caption.ts
  '/^courtesy(?:\\s+of)?\\s+(.+)$/iu': CREDIT,
  // labelPattern (built from labelSource) in src/fields/parse-caption.ts
  '/((?:Photo(?:graph)?s?|Image|Images|Illustration|Illustrations|Graphic|Composite|Picture|Pictures|Video|Credit|Credits|Foto|Fotos|Bild|Source|Image\\s+source|Photo\\s+credit|Image\\s+credit))(\\s*:\\s*|\\s+by\\s+)/giu':
    CAPTION_WINDOW,
  // scan (inline, a token's trailing dots) in src/fields/parse-date.ts
  '/\\.+$/': DATE_TOKEN,
  // datePatterns, month before day (built from month and weekday) in src/lint/rules/editorial.ts
  '/^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b/i':
    ANCHORED_WORDS,
  // datePatterns, day before month (built from month and weekday) in src/lint/rules/editorial.ts
  '/^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?(?:\\s+\\d{4})?\\b/i':
    ANCHORED_WORDS,
  // captionOpen in src/markdown/body-to-blocks.ts
  '/\\[caption\\b([^\\]]{0,2000})\\]/': BOUNDED_PER_START,
  // shortcode in src/markdown/html-figure.ts
  '/\\{\\{[<%][ \\t]{0,20}([\\w-]{1,40})([^{}]{0,2000}?)\\/?[ \\t]{0,20}[>%]\\}\\}/g':
    BOUNDED_PER_START,
  // imgTag in src/markdown/html-figure.ts
  '/<img\\b[^>]{0,4000}>/i': BOUNDED_PER_START,
  // attribute in src/markdown/html-figure.ts
  '/([\\w:-]{1,40})\\s*=\\s*(?:"([^"]{0,4000})"|\'([^\']{0,4000})\'|([^\\s"\'>]{1,4000}))/g':
    BOUNDED_PER_START,
  // figcaption in src/markdown/html-figure.ts
  '/<figcaption\\b[^>]{0,1000}>([\\s\\S]{0,10000}?)<\\/figcaption>/i': BOUNDED_PER_START,
  // creditElement in src/markdown/html-figure.ts
  '/<(small|cite|span)\\b([^>]{0,200})>([\\s\\S]{0,2000}?)<\\/\\1>/i': BOUNDED_PER_START,
  // namesOnly (inline) in src/text/headline.ts
  '/\\s*(?:,|&|\\sand\\s|\\set\\s|\\sund\\s)\\s*/': TEXT_SPACES,
  // CREDIT_TAIL in src/text/headline.ts
  "/(?:\uff1d[^\uff1d\\s]{1,15}|\uff08(?:\u5de6|\u53f3|\u4e2d\u592e|\u624b\u524d|\u5965|\u53f3\u7aef|\u5de6\u7aef)\uff09.*|\\(\\s?[\\p{Lu}][^()/]{1,60}\\/[^()]{1,60}\\)|\\s[-\u2013\u2014]\\s[\\p{Lu}][\\p{L}.'\u2019 -]{1,40}\\/[\\p{Lu}][\\p{L}.'\u2019 &-]{1,40})$/u":
    DOT_STAR_END,
  // NAME_AGO in src/text/headline.ts
  '/^(.{3,60}?)\\s*[\u00b7|\u2022,-]?\\s+(?:\\d{1,2}|an?) (?:minute|hour|day|week|month)s? ago$/i':
    ANCHORED_BOUNDED,
  // TRAILING_EMOJI in src/text/headline.ts
  '/(?:\\s|\\p{Extended_Pictographic}|\\u{FE0F}|\\u{200D})+$/u': EMOJI_TAIL,
  // JUNK in src/text/headline.ts
  '/^\\/\\/|\\[[^\\]]{0,20}\\]|\\s[\u2014\u2013-]$|\\s\\|\\s.*\\s\\|\\s/u': JUNK,
  // MEDIA_TAIL in src/text/headline.ts
  '/\\s[\u2013\u2014-]\\s(?:video|audio|podcast|in pictures|gallery|live)\\b.{0,30}$/i':
    BOUNDED_PER_START,
  // SEGMENT in src/text/meta-model.ts
  '/\\s+[|\u2022\u00b7]\\s+/u': TEXT_SPACES,
  // headlineText (inline, the cut of a long headline) in src/text/parse-text.ts
  '/\\s+\\S*$/u': HEADLINE_280,
  // headlineText (inline, the split of its tags) in src/text/parse-text.ts
  '/\\s*\\/\\s*/': TEXT_SPACES,
  // COPYRIGHT in src/text/patterns.ts
  '/^(?:copyright\\s*(?:\u00a9|\\(c\\))?|\u00a9|\\(c\\))\\s*((?:19|20)\\d{2})?(?:\\s*[-\u2013]\\s*(?:19|20)\\d{2})?\\s*,?\\s*(.{0,300})$/i':
    ANCHORED_BOUNDED,
  // CONTRIBUTED in src/text/patterns.ts
  '/^(.{3,400}?)\\s+(?:contributed|also contributed) (?:(?:to )?(?:this |the )?(?:report|story|article)|reporting|additional reporting)(?: from [^.]{1,80})?\\.?$/i':
    ANCHORED_BOUNDED,
  // BREADCRUMB_SPLIT in src/text/units.ts
  '/\\s*(?:>|\u203a|\u00bb|\\/|\\||\u2192)\\s*/u': TEXT_SPACES,
  // SEPARATED_TAIL in src/text/units.ts
  '/^[^|>\u203a\u00bb]{1,40}(?:\\s*[|>\u203a\u00bb]\\s*)/u': ANCHORED_BOUNDED,
};

/**
 * `RegExp` calls that do not run at import, with why that is fine: keyed by the file and the
 * top-level function or constant the call is written in.
 */
export const sitesNotRunAtImport: Readonly<Record<string, string>> = {
  'src/fields/parse-caption.ts lastMatch':
    'copies a module-level pattern (checked here) with the `g` flag added: same source',
};
