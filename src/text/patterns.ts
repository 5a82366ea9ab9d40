import type { ArticleType, CorrectionType } from '../schema/index.js';

/**
 * A lookup over a pattern table: the first row whose pattern matches `text`, or undefined.
 * When every pattern has the same flags, one combined pattern (each row's an alternative)
 * answers "no row" first: most lines match no row, and one test costs less than one per row.
 */
export function rowMatcher<Row extends { readonly pattern: RegExp }>(
  rows: readonly Row[],
): (text: string) => Row | undefined {
  const flags = new Set(rows.map((row) => row.pattern.flags));
  const [only] = flags;
  const any =
    flags.size === 1 && !/[gy]/.test(only!)
      ? new RegExp(rows.map((row) => `(?:${row.pattern.source})`).join('|'), only)
      : undefined;
  return (text) => {
    if (any && !any.test(text)) return undefined;
    for (const row of rows) if (row.pattern.test(text)) return row;
    return undefined;
  };
}

/** A kind of page furniture that is dropped from the body, with the patterns that recognise it. */
export interface BoilerplateRule {
  /** What it is, used in the diagnostic message. */
  kind: string;
  /** Matched against the whole cleaned line. */
  pattern: RegExp;
}

/**
 * Lines that are page furniture, not story. Each is matched against the whole line, so a
 * sentence that merely mentions "advertisement" is kept.
 */
export const BOILERPLATE: readonly BoilerplateRule[] = [
  {
    kind: 'advertisement',
    pattern:
      /^(?:advertisement|advertising|ad|sponsored|anzeige|werbung|publicité|publicidad|anuncio|pubblicità|реклама|广告|広告|story continues (?:below|after) (?:this )?(?:advertisement|ad)|continue reading (?:the main story|below)|article continues below(?: advertisement)?|skip advert(?:isement)?|scroll to continue with content|\[?ins:.*)$/i,
  },
  {
    kind: 'share prompt',
    pattern:
      /^(?:share(?: this)?(?: (?:article|story|page|post))?(?: on (?:facebook|twitter|x|linkedin|whatsapp|reddit|email|pinterest))?|share via .{1,30}|tweet(?: this)?|e-?mail(?: this)?(?: (?:article|story))?|print(?: this (?:article|page|story))?|copy link|copied|save(?: (?:article|story))?|(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|email|messenger|flipboard|pocket|comments?)(?:(?:\s*[|·/]\s*|\s+)(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|email|messenger|flipboard|pocket|comments?))*|\d+ comments?|view comments|show comments|leave a comment|(?:comments|reply|report|like|share)\s*\(\d+\))$/i,
  },
  {
    kind: 'follow or subscribe prompt',
    pattern:
      /^(?:(?:follow|like) us on .{1,60}|follow @?\w{1,30}(?: on \w+)?|subscribe(?: now| today| here)?(?: to .{1,60})?|sign up(?: for .{1,80})?|sign in|log ?in|register|get (?:our|the) .{1,40}newsletter.{0,40}|(?:our |the )?newsletter|(?:enter your e-?mail|your e-?mail address).{0,60}|already a subscriber\??.{0,40}|become a (?:member|subscriber).{0,40}|support (?:our|independent) journalism.{0,60}|download (?:our|the) app.{0,40})$/i,
  },
  {
    kind: 'related link',
    pattern:
      /^(?:related(?: (?:articles?|stories|coverage|content|posts|links|reading|topics))?:?|read (?:more|next|also)(?:\s*[:»›>].*)?|more (?:on|about) (?:this|that) (?:story|topic)|see also:?.{0,80}|continue reading.{0,40}|click here.{0,80}|more stories|recommended(?: for you)?|most (?:read|popular|viewed|shared)|trending(?: now)?|top stories|you (?:may|might) also (?:like|be interested in)|other people are reading|save (?:this )?(?:story|article)(?: for later)?\.?|this (?:article|post|story) (?:contains|may contain) affiliate links.{0,300}|you[’']re reading a free article.{0,300}|people (?:also )?(?:read|viewed|watched)|more from .{1,40}|further reading|also read:?.{0,100}|related:.{0,200})$/i,
  },
  {
    kind: 'cookie or consent notice',
    pattern:
      /^(?:.{0,80}\b(?:we use cookies|uses cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies)\b.{0,200}|accept|reject all|manage (?:preferences|cookies)|got it!?)$/i,
  },
  {
    kind: 'page chrome',
    pattern:
      /^(?:[•·|*–—-]{1,5}|skip to (?:main )?(?:content|navigation|main)|(?:コンテンツ|本文|メインコンテンツ)へ(?:スキップ|移動)|メニュー|跳到主要内容|menu|search|close|open|back to top|home|loading\.{0,3}…?|chargement…?|cargando…?|загрузка…?|toggle navigation|next|previous|prev|more|show more|load more|image|video|photo|play video|watch|listen|font size|text size|a a a|privacy policy|terms (?:of (?:use|service)|and conditions)|contact us|about us|all rights reserved\.?|\(?opens? (?:in )?(?:a )?new (?:window|tab)\)?|the post .{1,200} appeared first on .{1,100}|media caption|image caption|image copyright .{0,60}|getty images|listen to this article.{0,40}|\d+ min(?:ute)?s? read|reading time:? .{0,20})$/i,
  },
];

/** The boilerplate rule a line matches, or undefined. */
export const boilerplateRule = rowMatcher(BOILERPLATE);

/** Kicker (label) lines above a headline, and the article type each implies. */
export const KICKERS: ReadonlyArray<{ pattern: RegExp; type?: ArticleType }> = [
  { pattern: /^(?:analysis|news analysis)$/i, type: 'AnalysisNewsArticle' },
  {
    pattern: /^(?:opinion|comment|commentary|op-ed|editorial|column|viewpoint|perspective)$/i,
    type: 'OpinionNewsArticle',
  },
  {
    pattern: /^(?:review|film review|book review|theatre review|theater review|album review)$/i,
    type: 'ReviewNewsArticle',
  },
  { pattern: /^(?:live|live updates|live blog|as it happened)$/i, type: 'LiveBlogPosting' },
  { pattern: /^(?:explainer|explained|background|factbox|q&a)$/i, type: 'BackgroundNewsArticle' },
  {
    pattern:
      /^(?:exclusive|breaking|breaking news|special report|investigation|feature|interview|update|developing story)$/i,
  },
];

/** The kicker row a line matches, or undefined. */
export const kickerRow = rowMatcher(KICKERS);

/** Reuters-style headline tags that prefix a headline: `UPDATE 2-`, `CORRECTED-`, `REFILE-`. */
export const HEADLINE_TAG =
  /^((?:UPDATE \d{1,2}|CORRECTED|REFILE|REPEAT|EXCLUSIVE|FACTBOX|ANALYSIS|BRIEF|INSIGHT|WRAPUP(?: \d{1,2})?|RPT|PREVIEW|TIMELINE|SCENARIOS|GRAPHIC|FEATURE|COLUMN|BREAKINGVIEWS)(?:\s*\/\s*(?:UPDATE \d{1,2}|CORRECTED|REFILE|EXCLUSIVE))*)\s?-\s?(?=\S)/;

/** Which headline tags imply an article type. */
export const TAG_TYPES: Readonly<Record<string, ArticleType>> = {
  ANALYSIS: 'AnalysisNewsArticle',
  INSIGHT: 'AnalysisNewsArticle',
  FACTBOX: 'BackgroundNewsArticle',
  TIMELINE: 'BackgroundNewsArticle',
  COLUMN: 'OpinionNewsArticle',
  BREAKINGVIEWS: 'OpinionNewsArticle',
};

/** Wire slug lines: `BC-US-Election-Results`, `BC-EU--Greece-Debt,0450`. */
export const SLUG =
  /^(?:[A-Z]{2,3}-[A-Za-z0-9]+(?:-{1,2}[A-Za-z0-9]+){1,8})(?:,\s*\d{2,5})?(?:\s+\d{2}-\d{2}-\d{2,4})?$/;

/** Reuters advisory lines: `(Adds minister's reaction in paragraph 3)`. */
export const ADVISORY =
  /^\((?:adds|updates|recasts|corrects|changes|removes|inserts|rewrites|fixes|refiles|repeats|new throughout|writes through|releads|combines|moves|amends)\b[^()]{0,300}\)$/i;

/** Correction and clarification notes. */
export const CORRECTIONS: ReadonlyArray<{ pattern: RegExp; type: CorrectionType }> = [
  {
    pattern: /^(?:\*\s*)?(?:correction|corrections|erratum)\s*(?:\(|:|—|–|-)/i,
    type: 'correction',
  },
  { pattern: /^(?:\*\s*)?clarification\s*(?:\(|:|—|–|-)/i, type: 'clarification' },
  {
    pattern:
      /^(?:\*\s*)?(?:an earlier version of this (?:story|article|report|post)|this (?:story|article|report|post) (?:has been|was) corrected)/i,
    type: 'correction',
  },
  {
    pattern: /^(?:\*\s*)?(?:this (?:story|article|report|post) (?:has been|was) updated)/i,
    type: 'update',
  },
];

/** The correction row a line matches, or undefined. */
export const correctionRow = rowMatcher(CORRECTIONS);

/** Copyright trailers. */
export const COPYRIGHT =
  /^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*((?:19|20)\d{2})?(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*(.{0,300})$/i;

/** A Reuters-style sign-off: `(Reporting by …; Editing by …)`. */
export const SIGN_OFF =
  /^\(?\s*(?:additional )?(?:reporting|reported|writing|written|editing|edited|compiled|produced) by\b[\s\S]{0,600}$/i;

/** `Associated Press writers X in Y and Z contributed to this report.` */
export const CONTRIBUTED =
  /^(.{3,400}?)\s+(?:contributed|also contributed) (?:(?:to )?(?:this |the )?(?:report|story|article)|reporting|additional reporting)(?: from [^.]{1,80})?\.?$/i;
