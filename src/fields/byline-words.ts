import type { ContributorRole } from '../schema/byline.js';

/**
 * Words that introduce the names in a byline or credit line, lower-case, with the role they give
 * (none: the caller's default role, `author`). Longer phrases win over shorter ones.
 */
export const introPhrases: ReadonlyArray<readonly [phrase: string, role?: ContributorRole]> = (
  'additional reporting by:contributor|' +
  'additional reporting from:contributor|' +
  'additional reporting:contributor|' +
  'contributing reporting by:contributor|' +
  'contributing:contributor|' +
  'with additional reporting by:contributor|' +
  'reporting by:reporter|' +
  'reported by:reporter|' +
  'writing by:writer|' +
  'written by|' +
  'words by|' +
  'story by|' +
  'text by|' +
  'article by|' +
  'posted by|' +
  'compiled by|' +
  'editing by:editor|' +
  'edited by:editor|' +
  'photographs by:photographer|' +
  'photographs:photographer|' +
  'photography by:photographer|' +
  'photos by:photographer|' +
  'photo by:photographer|' +
  'pictures by:photographer|' +
  'illustrations by:illustrator|' +
  'illustration by:illustrator|' +
  'illustrated by:illustrator|' +
  'artwork by:illustrator|' +
  'graphics by:illustrator|' +
  'translated by:translator|' +
  'translation by:translator|' +
  'traduit par:translator|' +
  'produced by:producer|' +
  'production by:producer|' +
  'authors|' +
  'author|' +
  'byline|' +
  'by|' +
  'from|' +
  'von|' +
  'par|' +
  'por|' +
  'di|' +
  'door|' +
  '著者|' +
  '作者|' +
  '筆者|' +
  '撰文|' +
  '記者|' +
  '投稿者|' +
  '记者|' +
  '文|' +
  'イラスト:illustrator|' +
  '翻訳者:translator|' +
  '訳者:translator|' +
  '译者:translator|' +
  '写真:photographer|' +
  '摄影:photographer|' +
  '责任编辑:editor|' +
  '責任編集:editor|' +
  '编辑:editor|' +
  // Labels and verb phrases of other languages (`Text: Ana Ruiz`, `Ein Artikel von Ana Ruiz`,
  // `Publié par Ana Ruiz`) and of author boxes (`View all posts by Ana Ruiz`).
  'text|' +
  'texte|' +
  'texto|' +
  'testo|' +
  'tekst|' +
  'autor|' +
  'autorin|' +
  'autoren|' +
  'autorinnen|' +
  'auteur|' +
  'auteure|' +
  'auteurs|' +
  'autore|' +
  'autrice|' +
  'autori|' +
  'autores|' +
  'verfasser|' +
  'verfasserin|' +
  'text von|' +
  'text und fotos von|' +
  'ein artikel von|' +
  'ein beitrag von|' +
  'artikel von|' +
  'beitrag von|' +
  'geschrieben von|' +
  'verfasst von|' +
  'veröffentlicht von|' +
  'publiziert von|' +
  'eingestellt von|' +
  'gepostet von|' +
  'erstellt von|' +
  'alle beiträge von|' +
  'zeige alle beiträge von|' +
  'alle artikel von|' +
  'view all posts by|' +
  'all posts by|' +
  'more posts by|' +
  'more stories by|' +
  'écrit par|' +
  'rédigé par|' +
  'publié par|' +
  'un article de|' +
  'escrito por|' +
  'redactado por|' +
  'publicado por|' +
  'scritto da|' +
  'pubblicato da|' +
  'a cura di|' +
  'geschreven door|' +
  'geplaatst door|' +
  'fotos:photographer|' +
  'foto:photographer|' +
  'fotos von:photographer|' +
  'foto von:photographer|' +
  'bilder von:photographer|' +
  'illustration von:illustrator|' +
  'illustrationen von:illustrator'
)
  .split('|')
  .map((entry) => entry.split(':') as unknown as readonly [string, ContributorRole?]);

/**
 * Intro words that are also common name parts (`Von Miller`, `Di Stefano`): they count as an intro
 * only when at least two words follow.
 */
export const weakIntros: ReadonlySet<string> = new Set(['from', 'von', 'par', 'por', 'di', 'door']);

/**
 * Intro phrases that may also start a new clause in the middle of a line
 * (`Written by A Edited by B`, `著者 A イラスト B`).
 */
export const midLinePhrases: readonly string[] = introPhrases
  .map(([phrase]) => phrase)
  .filter(
    (phrase) =>
      / (?:by|from|von|par|por|da|door)$/.test(phrase) ||
      /^[\p{Script=Katakana}\p{Script=Han}]{2,}$/u.test(phrase),
  )
  .filter((phrase) => !['著者', '作者', '筆者', '撰文', '記者', '记者'].includes(phrase));

/** Postfix role markers in Japanese and Chinese credits: `Name 著`, `Name 監訳`, `Name 訳`. */
export const postfixRoles: ReadonlyMap<string, ContributorRole> = new Map<string, ContributorRole>([
  ['著', 'author'],
  ['文', 'author'],
  ['監訳', 'translator'],
  ['訳', 'translator'],
  ['翻訳', 'translator'],
  ['编', 'editor'],
  ['編', 'editor'],
  ['写真', 'photographer'],
  ['绘', 'illustrator'],
  ['画', 'illustrator'],
]);

/** Credentials kept out of the name and stored as `honorificSuffix` (compared without periods, lower-case). */
export const credentials: ReadonlySet<string> = new Set(
  'ma md phd mph rn do ms msc bsc ba bs jd mba dds dmd cfa cpa facp frcp lcsw rd drph edd psyd dvm pharmd obe mbe cbe frs np pa-c msw mfa llm esq cnm faan facs faap ibclc cde rdn ld'.split(
    ' ',
  ),
);

/** Generational suffixes that stay part of the name (`John Smith Jr.`). */
export const generationalSuffixes: ReadonlySet<string> = new Set('jr sr ii iii iv v'.split(' '));

/** Honorifics before a name, stored as `honorificPrefix` (compared without periods, lower-case). */
export const honorifics: ReadonlySet<string> = new Set(
  'dr prof professor rev sir dame mr mrs ms mx lord lady fr sen rep gov gen col capt lt'.split(' '),
);

/** Words that make a phrase a job title (`Staff Writer`, `AP Sports Writer`, `Washington Correspondent`). */
export const titleWords: ReadonlySet<string> = new Set(
  'writer writers reporter reporters correspondent correspondents editor editors columnist columnists contributor contributors critic producer photographer photojournalist journalist chief analyst intern fellow host anchor director reviewer blogger commentator researcher designer illustrator strategist manager president founder ceo officer professor lecturer author autor autorin economist scientist specialist expert consultant coordinator moderator redakteur redakteurin chefredakteur chefredakteurin chefreporter chefreporterin reporterin journalistin herausgeber herausgeberin volontär volontärin ressortleiter ressortleiterin rédacteur rédactrice giornalista redattore redattrice inviato inviata redactor redactora korrespondent korrespondentin journaliste envoyé envoyée correspondant correspondante periodista corresponsal redacción redaktion'.split(
    ' ',
  ),
);

/** Last words that make a phrase an outlet (`The Daily Ledger`, `WebMD Health News`, `ASCII編集部`). */
export const outletWords: ReadonlySet<string> = new Set(
  'news times post herald journal tribune gazette press daily magazine ledger chronicle observer guardian telegraph mail express review media network radio tv television online wire wires agency agencies service services bureau today weekly standard independent insider sun star globe mirror record courier sentinel inquirer examiner dispatch bulletin monitor register digest quarterly newsroom desk staff team reports board zeitung presse nachrichten journaal nieuws noticias notícias diario diário giornale corriere gazzetta quotidien matin soir blog podcast group institute foundation university association society council ministry department company inc ltd llc corp submissions bund verband verein ev gmbh stiftung'.split(
    ' ',
  ),
);

/** Outlets known by name that no word above gives away, lower-case. */
export const knownOutlets: ReadonlySet<string> = new Set(
  'time|newsweek|vox|axios|politico|slate|wired|forbes|fortune|quartz|qz|huffpost|npr|bbc|nbc|cbs|abc|msnbc|pbs|propublica|mashable|engadget|gizmodo|techcrunch|the verge|vice|salon|the atlantic|the economist|the new yorker|buzzfeed|cnet|zdnet|itmedia|ascii|the hill|semafor|the intercept|le monde|el país|el pais|der spiegel|spiegel|die zeit|la repubblica|focus online|heise|golem|libération|liberation|le figaro|usa today|al jazeera|sky|itv|rte|cbc|abc news|webmd|the conversation|dw|rfi|france 24|euronews|apnews|medium'.split(
    '|',
  ),
);

/** Whole phrases that make an organization byline (`From staff and wire reports`). Lower-case. */
export const organizationPhrases: ReadonlySet<string> = new Set(
  'staff and wire reports|staff and agencies|staff and news services|wire reports|staff reports|wire services|news services|agencies|news agencies|staff|our staff|the editorial board|editorial board|the editors|editors|editorial staff|news desk|newsdesk|staff report|wire service reports|our correspondent|our reporters|guardian staff and agencies|redaktion|rédaction|redacción|redação|redazione'.split(
    '|',
  ),
);

/** Trailing words of an organization byline (`Reuters Staff`, `BWW News Desk`, `Smart Shopping Team`). */
export const organizationTails: ReadonlySet<string> = new Set(
  'staff team desk newsroom editors reports submissions board redaktion rédaction redacción redação redazione bureau 編集部 编辑部'.split(
    ' ',
  ),
);

/** Function words of running prose: articles, pronouns, prepositions, conjunctions. */
const functionWords = (
  'the a an this that these those is are was were has have had it its our their we you they he she i who ' +
  'which what when where why how not to with without at on into over about if then than because or but my me us them'
).split(' ');

/** Page words that are never a person's name (`Follow Author`, `Read More`, `View Profile`). */
const chromeWords = (
  'advertisement share comments comment menu search home subscribe login follow author ' +
  'editor admin administrator anonymous unknown contributor staff read click email print ' +
  'close loading updated published posted profile posts articles view'
).split(' ');

/**
 * Words that never appear in a person's name in a byline. A capitalised word that is one of
 * these only counts against a name when it is one of {@link strongStopWords}.
 */
export const stopWords: ReadonlySet<string> = new Set([
  ...functionWords,
  'and',
  'by',
  ...chromeWords,
  ...(
    'time while after before during be been being will would could should can may might must ' +
    'said says say his her no yes all more most some any each every for under as so via per ' +
    'also just only now new up down out off way end far in him there here from one two three ' +
    'first last next many much very again still even log sign guest photo image video news ' +
    'und et avec le la les der die das el los las il lo'
  ).split(' '),
]);

/** Stop words that rule out a name even when capitalised (`The Time We Met`, `Follow Author`). */
export const strongStopWords: ReadonlySet<string> = new Set([
  ...functionWords,
  ...chromeWords,
  // The same page words in German, French and Spanish (`Alle Artikel`,
  // `Lesedauer`, `Tous les articles`, `Ver artículos`, `Impressum`, `Gesponserte Inhalte`),
  // consent and donation buttons (`Zustimmen Ablehnen`, `Alle akzeptieren`, `Donate Now`).
  ...'and by artikel beiträge kommentare kommentar teilen suche startseite anmelden abonnieren drucken lesedauer impressum datenschutz gesponserte zustimmen ablehnen akzeptieren donate commentaires partager rechercher accueil artículos comentarios compartir buscar'.split(
    ' ',
  ),
]);

/** Words of running prose that never sit in the first name of a byline (`the time the polls closed`). */
export const proseWords: ReadonlySet<string> = new Set([
  ...functionWords,
  ...'will would could should can said says been be do does did'.split(' '),
]);

/**
 * Words of section labels, newsletter parts and show names (`Key Highlights`, `Closing Bell`,
 * `Morning Briefing`, `Market Wrap`). A capitalised line made only of these words is a label,
 * not a person: names have at least one word outside this list (`Tom Bell`, `Ana Key`).
 */
export const labelWords: ReadonlySet<string> = new Set([
  // what the label is
  ...'highlights highlight takeaways takeaway points bell briefing briefings brief briefs wrap wrapup recap roundup digest update updates headlines stories news reads notes facts numbers glance summary overview explainer analysis outlook preview review report show edition podcast newsletter bulletin dispatch ticker movers'.split(
    ' ',
  ),
  // what qualifies it
  ...'key top closing opening morning evening night daily weekly weekend monthly latest breaking live quick market markets editors featured trending popular special inside more related must read main big five three ten'.split(
    ' ',
  ),
]);

/**
 * Capitalised words of page chrome, section names and places that are never part of a
 * person's name standing alone on a page (`Sign In`, `Special Reports`, `Harbour Road`), lower-case.
 * Job titles (`editor`) are left to {@link titleWords}, which `looksLikePersonName` also asks.
 */
export const pageWords: ReadonlySet<string> = /* @__PURE__ */ new Set(
  /* @__PURE__ */ (
    'sign in up log login logout register subscribe subscriber social sharing share shares special reports report ' +
    'twitter facebook email e-mail instagram linkedin youtube whatsapp pinterest reddit getty image images photo photos ' +
    'video videos menu home news search more read line outline society bros comments comment follow following newsletter ' +
    'account profile edition section sections latest top stories story opinion sport sports business tech technology ' +
    'science health world politics weather travel culture arts entertainment life style food live podcast podcasts ' +
    'magazine contact about privacy terms cookie cookies policy advertise advertisement help support shop store free ' +
    'trial print digital next previous all rights reserved copyright click here watch listen download app apps ' +
    'skip content navigation close open back view gallery slideshow related recommended trending popular posted ' +
    'updated published staff team desk board media press release update updates review reviews guide ' +
    'republish article articles sponsored links link ideas design web journalism innovation speech slow moving ' +
    'most people creative broken company companies get started ' +
    'members member premium account settings feedback jobs careers events event game games music movies tv ' +
    'road street park stadium stade arena square avenue hall centre center bridge station airport house court ' +
    'ground grounds field lane place city county valley island islands river lake mount university college school'
  ).split(' '),
);
