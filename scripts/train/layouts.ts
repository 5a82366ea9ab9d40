/**
 * Generated page layouts for training: a clean story (a bbc story read from the corpus by
 * path, or an invented one) laid out the way pages print stories — menus, a breadcrumb, a
 * kicker, the headline, a deck, every byline shape of ../shared/reference, date lines, lead
 * images with captions and credits, share and newsletter prompts, subheads, captions between
 * paragraphs, related links, wire slugs, end credits, copyright lines and footers — or as
 * clean copy (headline, byline, date, paragraphs). Every line's role is known, so the page
 * comes with exact ground truth. All words here are ours (invented names, places and
 * sentences); nothing is copied from the corpora.
 */
import type { CorpusItem, Truth } from './corpus.js';
import { pick, seededRandom } from './random.js';

type Random = () => number;

/** A story to lay out: headline and paragraphs, in one language. */
export interface Story {
  title: string;
  paragraphs: string[];
  language: Language;
}

type Language = 'en' | 'de' | 'fr' | 'es' | 'ja';

const chance = (random: Random, p: number) => random() < p;
/** Each item of `items` with probability `p`, in order. */
const sample = <T>(items: readonly T[], p: number, random: Random): T[] =>
  items.filter(() => random() < p);
const between = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));

// ----------------------------------------------------------------- invented vocabulary

const GIVEN = [
  'Ana',
  'Tom',
  'Lena',
  'Dana',
  'Malik',
  'Priya',
  'Jonas',
  'Clara',
  'Tomás',
  'Ingrid',
  'Kofi',
  'Mei',
  'Rafael',
  'Sofia',
  'Henrik',
  'Amara',
  'Lucas',
  'Yara',
  'Oskar',
  'Elif',
  'Marta',
  'Jean-Luc',
  'Aisha',
  'Pavel',
  'Nora',
  'Diego',
  'Hannah',
  'Samir',
  'Greta',
  'Kenji',
  'Leila',
  'Mateo',
  'Freya',
  'Omar',
  'Julia',
  'Tobias',
  'Chloé',
  'Felix',
  'Rosa',
  'Imani',
];
const FAMILY = [
  'Ruiz',
  'Bell',
  'Moritz',
  'Whitfield',
  'Okafor',
  'Lindqvist',
  'Reyes',
  'Hartmann',
  'Dubois',
  'Nakamura',
  'Castillo',
  'Brennan',
  'Novak',
  'Achterberg',
  'Mensah',
  'Fontaine',
  'Salazar',
  'Kowalski',
  'Petersen',
  "O'Malley",
  'van der Berg',
  'de la Cruz',
  'Haddad',
  'Sørensen',
  'Alvarez',
  'Thornton',
  'Weber',
  'Lefebvre',
  'Iwu',
  'MacLeod',
  'Engström',
  'Ferreira',
  'Abernathy',
  'Quispe',
  'Vasquez',
  'Holloway',
  'Strand',
  'Kaya',
  'Moreau',
  'Lund',
];
const PLACES = [
  'Valdora',
  'Port Elmsworth',
  'Kestrel Bay',
  'Marrowfield',
  'Oldhaven',
  'Linwick',
  'Brackenford',
  'Santa Ilena',
  'Nordby',
  'Castelmonte',
  'Greywater',
  'Ashcombe',
  'Riverside',
  'Fenmoor',
];
const BODIES = [
  'the harbour authority',
  'the city council',
  'the regional water board',
  'the transport agency',
  'the school district',
  'the health service',
  'the port workers union',
  'the energy regulator',
  'the state parliament',
  'the football club',
  'the university',
  'the ferry operator',
];
const THINGS = [
  'night ferries',
  'the new tram line',
  'a rent freeze',
  'the river crossing',
  'summer schedules',
  'a wind farm',
  'the museum extension',
  'school meals',
  'the budget',
  'flood barriers',
  'the fishing quota',
  'a cycle lane',
  'the library hours',
  'the stadium plan',
  'a hospital wing',
];
const VERBS = [
  'approved',
  'rejected',
  'delayed',
  'expanded',
  'cut',
  'backed',
  'reviewed',
  'paused',
  'funded',
  'questioned',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const SENTENCES_EN = [
  '{Body} {verb} {thing} on {day}, ending a debate that had split {place} for months.',
  'The decision follows weeks of hearings in which residents, workers and operators argued over cost and safety.',
  '“We listened to every side, and this is the fairest answer we could find,” said {name}, who chairs the committee.',
  'Critics said the plan would cost more than {number} million and leave smaller towns behind.',
  'Figures published by {body} show that demand has risen by {number} per cent since last spring.',
  'In {place}, shop owners said they had waited a long time for {thing}.',
  '{Name}, a local teacher, said the change would make it easier for families to plan their week.',
  'Officials expect the first results by the end of the year, though some doubt the timetable.',
  'The vote was {number} to {small}, with two members abstaining.',
  'Opponents plan to challenge the decision at the next meeting of {body}.',
  'Previous attempts to change {thing} failed in {year} after a dispute over funding.',
  '“It is not perfect, but it is a start,” {name} told reporters outside the hall.',
  'About {number} people attended the meeting, many of them carrying signs.',
  'The proposal now goes to {body}, which is expected to decide within {small} weeks.',
  'Engineers warned that the work could take longer if the winter is wet.',
  'Residents of {place} will be able to comment on the plans until {day}.',
  'Supporters say {thing} will bring jobs and visitors to the area.',
  'The money will come partly from a national fund and partly from local taxes.',
  '{Body} said it would publish a full report in the coming weeks.',
  'Asked whether the decision could be reversed, {name} said: “Not this year.”',
  '{Body} first discussed {thing} on {date}, when the plan was still a sketch.',
  'The work is due to finish by {date}, according to the timetable published last week.',
  'On {date}, {name} wrote to {body} asking for a delay.',
];
const SENTENCES_DE = [
  '{Body} hat am {day} über {thing} entschieden und damit einen langen Streit in {place} beendet.',
  'Die Entscheidung folgt auf wochenlange Anhörungen, in denen Anwohner und Betreiber über Kosten stritten.',
  '„Wir haben allen Seiten zugehört“, sagte {name}, die den Ausschuss leitet.',
  'Kritiker rechnen mit Kosten von mehr als {number} Millionen Euro.',
  'Nach Angaben der Behörde ist die Nachfrage seit dem Frühjahr um {number} Prozent gestiegen.',
  'In {place} warten viele Geschäftsleute schon lange auf eine Lösung.',
  'Die ersten Ergebnisse werden bis zum Jahresende erwartet.',
  'Gegner wollen die Entscheidung bei der nächsten Sitzung anfechten.',
  'Rund {number} Menschen kamen zu der Versammlung.',
  'Das Geld soll zum Teil aus einem Landesfonds kommen.',
  'Bereits am {date} hatte {body} über {thing} beraten.',
];
const SENTENCES_FR = [
  '{Body} a tranché {day} sur {thing}, mettant fin à un long débat à {place}.',
  'La décision fait suite à plusieurs semaines d’auditions publiques.',
  '« Nous avons écouté tout le monde », a déclaré {name}, qui préside la commission.',
  'Selon les opposants, le projet coûterait plus de {number} millions d’euros.',
  'Environ {number} personnes ont assisté à la réunion.',
  'Les premiers résultats sont attendus d’ici la fin de l’année.',
];
const SENTENCES_ES = [
  '{Body} aprobó el {day} el plan sobre {thing}, tras meses de debate en {place}.',
  'La decisión llega después de varias semanas de audiencias públicas.',
  '“Hemos escuchado a todas las partes”, dijo {name}, que preside la comisión.',
  'Según los críticos, el proyecto costaría más de {number} millones de euros.',
  'Unas {number} personas asistieron a la reunión.',
  'Se esperan los primeros resultados antes de fin de año.',
];
const SENTENCES_JA = [
  '{place}の港湾局は{day}、夜間フェリーの運航を決めた。',
  '住民説明会では騒音や費用をめぐって賛否が分かれた。',
  '「すべての意見を聞いたうえでの判断だ」と{name}委員長は述べた。',
  '新しい航路は来年の春に始まる予定だという。',
  '市によると、利用者は昨年より{number}パーセント増えた。',
  '反対する住民は次の会合で見直しを求める方針だ。',
];
const HEADLINES = {
  en: [
    '{Body} {verb} {thing} after months of debate',
    '{Place} votes on {thing}',
    'Why {thing} matter more than ever in {place}',
    '{Thing} {verb} as costs rise',
    'What the vote on {thing} means for {place}',
    'Residents divided over {thing}',
    'After long wait, {place} gets {thing}',
  ],
  de: [
    'Streit um {thing} in {place} beendet',
    '{Place} stimmt über {thing} ab',
    'Was die Entscheidung für {place} bedeutet',
  ],
  fr: ['{Place} : le projet sur {thing} adopté', 'Débat tendu autour de {thing} à {place}'],
  es: ['{Place} aprueba el plan sobre {thing}', 'Debate abierto sobre {thing} en {place}'],
  ja: ['{place}で夜間フェリー運航へ、住民説明会で賛否', '港の再開発計画、{place}市が承認'],
} as const;
const DECKS = {
  en: [
    'The decision ends a long dispute, but the cost is still unclear.',
    'Supporters call it overdue; critics say the numbers do not add up.',
    'A closer look at who wins and who pays',
  ],
  de: ['Die Entscheidung beendet einen langen Streit, doch die Kosten sind offen.'],
  fr: ['La décision met fin à un long conflit, mais le coût reste flou.'],
  es: ['La decisión pone fin a una larga disputa, aunque el coste sigue sin aclarar.'],
  ja: ['費用の見通しはまだ立っていない。'],
} as const;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fill(template: string, random: Random, name: () => string): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const lower = key.toLowerCase();
    const value =
      lower === 'body'
        ? pick(BODIES, random)
        : lower === 'thing'
          ? pick(THINGS, random)
          : lower === 'verb'
            ? pick(VERBS, random)
            : lower === 'place'
              ? pick(PLACES, random)
              : lower === 'day'
                ? pick(WEEKDAYS, random)
                : lower === 'name'
                  ? name()
                  : lower === 'number'
                    ? String(between(random, 3, 90))
                    : lower === 'small'
                      ? String(between(random, 2, 9))
                      : lower === 'date'
                        ? pick(
                            [
                              `${between(random, 1, 28)} ${pick(MONTHS.en, random)} ${between(random, 1998, 2025)}`,
                              `${pick(MONTHS.en, random)} ${between(random, 1, 28)}, ${between(random, 1998, 2025)}`,
                            ],
                            random,
                          )
                        : String(between(random, 1998, 2024));
    return key === capitalise(lower) ? capitalise(value) : value;
  });
}

/** A person's name, invented. */
function personName(random: Random): string {
  return `${pick(GIVEN, random)} ${pick(FAMILY, random)}`;
}

/** An invented story of 3–14 paragraphs. */
export function inventedStory(random: Random): Story {
  const language: Language = pick(
    ['en', 'en', 'en', 'de', 'de', 'fr', 'es', 'ja'] as const,
    random,
  );
  const sentences =
    language === 'ja'
      ? SENTENCES_JA
      : language === 'de'
        ? SENTENCES_DE
        : language === 'fr'
          ? SENTENCES_FR
          : language === 'es'
            ? SENTENCES_ES
            : SENTENCES_EN;
  const name = () => personName(random);
  const paragraphs: string[] = [];
  const count = between(random, 3, 14);
  for (let p = 0; p < count; p++) {
    const parts: string[] = [];
    const length = between(random, 1, 4);
    for (let s = 0; s < length; s++) parts.push(fill(pick(sentences, random), random, name));
    // Stories often date an event in their first sentence: that is not the publication date.
    const dated = sentences.filter((sentence) => sentence.includes('{date}'));
    if (p === 0 && dated.length > 0 && chance(random, 0.35))
      parts[0] = fill(pick(dated, random), random, name);
    paragraphs.push(parts.join(' '));
  }
  return { title: fill(pick(HEADLINES[language], random), random, name), paragraphs, language };
}

// ----------------------------------------------------------------- page furniture

const MENU = {
  en: [
    'Home',
    'News',
    'World',
    'Politics',
    'Business',
    'Sport',
    'Culture',
    'Opinion',
    'Science',
    'Travel',
    'Video',
    'Podcasts',
    'Weather',
    'Local',
    'Health',
    'Tech',
    'More',
  ],
  de: [
    'Startseite',
    'Politik',
    'Wirtschaft',
    'Sport',
    'Kultur',
    'Meinung',
    'Wissen',
    'Reise',
    'Panorama',
    'Regional',
    'Mehr',
  ],
  fr: [
    'Accueil',
    'Actualités',
    'International',
    'Politique',
    'Économie',
    'Sport',
    'Culture',
    'Idées',
  ],
  es: [
    'Inicio',
    'Noticias',
    'Internacional',
    'Política',
    'Economía',
    'Deportes',
    'Cultura',
    'Opinión',
  ],
  ja: ['ホーム', 'ニュース', '国際', '政治', '経済', 'スポーツ', '文化', '地域'],
} as const;
const CHROME = {
  en: [
    'Skip to content',
    'Menu',
    'Search',
    'Sign in',
    'Subscribe',
    'Log in',
    'Newsletters',
    'Close',
    'Account',
    'Edition: UK',
  ],
  de: [
    'Zum Inhalt springen',
    'Menü',
    'Suche',
    'Anmelden',
    'Abonnieren',
    'Newsletter',
    'Schließen',
    'E-Paper',
  ],
  fr: ['Aller au contenu', 'Menu', 'Rechercher', 'Se connecter', "S'abonner", 'Newsletters'],
  es: ['Ir al contenido', 'Menú', 'Buscar', 'Iniciar sesión', 'Suscríbete', 'Boletines'],
  ja: ['メインコンテンツへスキップ', 'メニュー', '検索', 'ログイン', '会員登録'],
} as const;
const SHARE = {
  en: [
    'Share',
    'Share this article',
    'Facebook Twitter Email',
    'Tweet',
    'Copy link',
    'Print',
    'Save',
    'Share on WhatsApp',
    '12 comments',
    'Comments',
  ],
  de: [
    'Teilen',
    'Artikel teilen',
    'Facebook Twitter E-Mail',
    'Drucken',
    'Link kopieren',
    'Merken',
    'Kommentare',
  ],
  fr: ['Partager', 'Partager sur Facebook', 'Imprimer', 'Copier le lien', 'Commentaires'],
  es: ['Compartir', 'Compartir en Facebook', 'Imprimir', 'Copiar enlace', 'Comentarios'],
  ja: ['シェア', 'ツイート', 'ブックマーク', '印刷', 'コメント'],
} as const;
const PROMPTS = {
  en: [
    'Advertisement',
    'Sign up for our morning newsletter',
    'Enter your email address',
    'Support independent journalism',
    'Already a subscriber? Log in',
    'Story continues below advertisement',
    'Read more:',
    'Related:',
    'You may also like',
    'Most read',
    'Recommended for you',
    'Listen to this article',
    '5 min read',
  ],
  de: [
    'Anzeige',
    'Jetzt Newsletter abonnieren',
    'Ihre E-Mail-Adresse',
    'Weiterlesen',
    'Mehr zum Thema',
    'Das könnte Sie auch interessieren',
    'Meistgelesen',
    'Lesezeit: 4 Minuten',
  ],
  fr: [
    'Publicité',
    'Inscrivez-vous à notre newsletter',
    'Lire aussi',
    'À lire aussi',
    'Les plus lus',
  ],
  es: [
    'Publicidad',
    'Suscríbete a nuestro boletín',
    'Lee también',
    'Más leídas',
    'Te puede interesar',
  ],
  ja: ['広告', 'あわせて読みたい', '関連記事', 'よく読まれている記事', 'ニュースレター登録'],
} as const;
const FOOTER = {
  en: [
    'About us',
    'Contact us',
    'Privacy policy',
    'Terms of use',
    'Cookie settings',
    'Advertise with us',
    'Careers',
    'Help',
    'About us | Contact | Privacy | Terms',
  ],
  de: [
    'Impressum',
    'Datenschutz',
    'Kontakt',
    'AGB',
    'Cookie-Einstellungen',
    'Mediadaten',
    'Impressum | Datenschutz | Kontakt',
  ],
  fr: ['Mentions légales', 'Contact', 'Confidentialité', 'Gestion des cookies', 'Nous contacter'],
  es: ['Aviso legal', 'Contacto', 'Política de privacidad', 'Configuración de cookies'],
  ja: ['サイトマップ', '個人情報保護方針', '利用規約', 'お問い合わせ', '会社概要'],
} as const;
const KICKERS = [
  'ANALYSIS',
  'Opinion',
  'Exclusive',
  'Review',
  'Explainer',
  'Live',
  'POLITICS',
  'Local News',
  'Feature',
  'Interview',
];
const SITES = [
  'The Valdora Ledger',
  'Kestrel Bay Herald',
  'Port Elmsworth Post',
  'Nordby Zeitung',
  'Le Courrier de Linwick',
  'Diario de Santa Ilena',
  'Greywater Weekly',
];
const AGENCIES = ['Associated Press', 'AP', 'Reuters', 'AFP', 'dpa', 'EFE'];

const MONTHS = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  ja: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
} as const;

interface Day {
  year: number;
  month: number;
  day: number;
  iso: string;
}

function randomDay(random: Random): Day {
  const year = between(random, 2004, 2025);
  const month = between(random, 1, 12);
  const day = between(random, 1, 28);
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { year, month, day, iso };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as pages print it, in the story's language; `label` adds `Published` and the like. */
function printedDate(d: Day, language: Language, random: Random, label: boolean): string {
  const month = MONTHS[language][d.month - 1]!;
  const short = month.slice(0, 3);
  const time = `${between(random, 1, 12)}:${pad(between(random, 0, 59))} ${pick(['a.m.', 'p.m.', 'AM', 'PM'], random)}`;
  const time24 = `${pad(between(random, 0, 23))}:${pad(between(random, 0, 59))}`;
  const forms: Record<Language, string[]> = {
    en: [
      `${month} ${d.day}, ${d.year}`,
      `${d.day} ${month} ${d.year}`,
      `${short}. ${d.day}, ${d.year}`,
      `${month} ${d.day}, ${d.year} ${time}`,
      `${WEEKDAYS[(d.day + d.month) % 7]} ${d.day} ${month} ${d.year} ${time24} BST`,
      `${d.iso}`,
      `${pad(d.month)}/${pad(d.day)}/${d.year}`,
      `${month} ${d.day}, ${d.year} at ${time}`,
    ],
    de: [
      `${d.day}. ${month} ${d.year}`,
      `${pad(d.day)}.${pad(d.month)}.${d.year}`,
      `${pad(d.day)}.${pad(d.month)}.${d.year}, ${time24} Uhr`,
    ],
    fr: [`${d.day} ${month} ${d.year}`, `${pad(d.day)}/${pad(d.month)}/${d.year} à ${time24}`],
    es: [`${d.day} de ${month} de ${d.year}`, `${pad(d.day)}/${pad(d.month)}/${d.year} ${time24}`],
    ja: [
      `${d.year}年${d.month}月${d.day}日`,
      `${d.year}年${pad(d.month)}月${pad(d.day)}日 ${time24}`,
      `${d.year}/${pad(d.month)}/${pad(d.day)}`,
    ],
  };
  const text = pick(forms[language], random);
  if (!label) return text;
  const labels: Record<Language, string[]> = {
    en: ['Published', 'Published:', 'Posted on', 'First published on', 'Updated', 'Last updated'],
    de: ['Veröffentlicht am', 'Stand:', 'Erstellt am', 'Aktualisiert am'],
    fr: ['Publié le', 'Mis à jour le'],
    es: ['Publicado el', 'Actualizado el'],
    ja: ['公開日', '更新日', '配信'],
  };
  return `${pick(labels[language], random)} ${text}`;
}

/** A byline as pages print it: the printed line and the person names in it ([] for an organisation). */
function printedByline(language: Language, random: Random): { text: string; names: string[] } {
  const names = Array.from({ length: pick([1, 1, 1, 1, 2, 2, 3], random) }, () =>
    personName(random),
  );
  const list =
    names.length === 1
      ? names[0]!
      : names.length === 2
        ? `${names[0]} ${language === 'de' ? 'und' : language === 'fr' ? 'et' : language === 'es' ? 'y' : 'and'} ${names[1]}`
        : `${names[0]}, ${names[1]} and ${names[2]}`;
  const intro = { en: 'By', de: 'Von', fr: 'Par', es: 'Por', ja: 'By' }[language];
  if (chance(random, 0.08))
    return {
      text: pick(
        [
          'By The Associated Press',
          'Reuters Staff',
          'From staff and wire reports',
          `By ${pick(SITES, random)} staff`,
        ],
        random,
      ),
      names: [],
    };
  const shapes = [
    `${intro} ${list}`,
    `${intro} ${list}`,
    `${intro} ${list.toUpperCase()}, ${pick(AGENCIES, random)}`,
    `${intro} ${list}, ${pick(['Staff Writer', 'Senior Correspondent', 'AP Sports Writer', 'Political Editor'], random)}`,
    `${list} | ${pick(['Staff Writer', 'Reporter', 'Contributor'], random)}`,
    list,
    list,
    `Written by ${list}`,
    `${list}, ${pick(SITES, random)}`,
    `${intro} ${list} in ${pick(PLACES, random)}`,
    `${intro}: ${list}`,
  ];
  return { text: pick(shapes, random), names };
}

/** One line of a generated page and what it is. */
interface Line {
  text: string;
  role: 'furniture' | 'headline' | 'byline' | 'date' | 'byline+date' | 'deck' | 'story' | 'caption';
}

/** Short title-like lines of other stories: a related list or a teaser column. */
function teasers(random: Random, language: Language, count: number): string[] {
  const name = () => personName(random);
  return Array.from({ length: count }, () => fill(pick(HEADLINES[language], random), random, name));
}

/** A block of other stories, each with its author and date under it, under a heading. */
function teaserBlock(random: Random, language: Language, add: (text: string) => void): void {
  add(
    pick(
      [
        'You may also like',
        'Related stories',
        'More from Local',
        'Most read',
        'Mehr zum Thema',
        'À lire aussi',
        'Te puede interesar',
      ],
      random,
    ),
  );
  const count = between(random, 2, 5);
  const section = chance(random, 0.5) ? pick(MENU[language], random) : undefined;
  for (let i = 0; i < count; i++) {
    if (section) add(section);
    add(teasers(random, language, 1)[0]!);
    if (chance(random, 0.7)) add(personName(random));
    if (chance(random, 0.7))
      add(
        pick(
          [
            'Today 7:30AM',
            'Yesterday 12:35PM',
            '3 hours ago',
            printedDate(randomDay(random), language, random, false),
          ],
          random,
        ),
      );
  }
}

/** Sentences that sell a newsletter or a subscription: story-like, but not the story. */
const PROMO_SENTENCES = [
  'Get the best of our reporting in your inbox every morning, with the stories our editors picked.',
  'Our reporters cover the harbour, the council and the courts, and your support keeps them going.',
  'Become a member today and read every story without limits, on every device.',
  'We rely on readers like you to fund independent local journalism in the region.',
  'Unsere Redaktion berichtet jeden Tag aus der Region – unterstützen Sie uns mit einem Abo.',
  'Recevez chaque matin l’essentiel de l’actualité de votre région dans votre boîte mail.',
];

/**
 * Rows of figures that stand around some pages' headlines: visitor counters, view and comment
 * counts, tickers, weather and scores, with labels in several languages and random numbers.
 */
const FIGURE_ROWS: ReadonlyArray<(n: () => string) => string> = [
  (n) => `Visitors today: ${n()} yesterday: ${n()}`,
  (n) => `Hits today: ${n()} | total: ${n()}`,
  (n) => `Views: ${n()} · Comments: ${n()}`,
  (n) => `${n()} views ${n()} likes`,
  (n) => `Besucher heute: ${n()} gestern: ${n()}`,
  (n) => `Visites aujourd’hui : ${n()} hier : ${n()}`,
  (n) => `Visitas hoy: ${n()} ayer: ${n()} total: ${n()}`,
  (n) => `アクセス数 今日: ${n()} 昨日: ${n()}`,
  (n) => `閲覧数：${n()} コメント：${n()}`,
  (n) => `今日：${n()} 昨日：${n()} 累計：${n()}`,
  (n) =>
    `DAX ${n()},${n().slice(0, 2)} +0,${n().slice(0, 1)} % · Dow ${n()} −0,${n().slice(0, 1)} %`,
  (n) => `FTSE 100 ${n()}.${n().slice(0, 1)} ▲ 0.${n().slice(0, 2)}%`,
  (n) => `${n().slice(0, 2)}°C | Humidity ${n().slice(0, 2)}% | Wind ${n().slice(0, 2)} km/h`,
  (n) => `Home ${n().slice(0, 1)} – ${n().slice(0, 1)} Away`,
];

/** A row of figures (see {@link FIGURE_ROWS}). */
function figureRow(random: Random): string {
  const number = () => {
    const value = Math.floor(random() ** 2 * 50000) + 1;
    return value >= 1000 && random() < 0.5 ? value.toLocaleString('en-US') : String(value);
  };
  return pick(FIGURE_ROWS, random)(number);
}

/** Site maps, legal rows and links that stand around some pages' headlines. */
const ODD_CHROME = [
  'サイトマップ | 個人情報保護方針 | 利用規約',
  'Sitemap | Imprint | Privacy',
  '<Previous entry | Next entry>',
  '// Search',
  '[Submit]',
];

/** A caption with a credit, between paragraphs or under a lead image. */
function caption(random: Random, language: Language): string {
  const who = personName(random);
  const text = pick(
    [
      `Passengers wait at the north pier in ${pick(PLACES, random)} on ${pick(WEEKDAYS, random)}.`,
      `${who} speaks to residents after the vote.`,
      `Workers inspect the flood barrier.`,
      `Die neue Fähre im Hafen von ${pick(PLACES, random)}.`,
      `La salle du conseil lors du vote.`,
    ],
    random,
  );
  const credit = pick(
    [
      `(Photo: ${who}/${pick(SITES, random)})`,
      `Photograph: ${who}/Reuters`,
      `(AP Photo/${who})`,
      `${who}/AFP via Getty Images`,
      `Foto: dpa`,
      `Image: ${who}`,
      `(${who}/${pick(AGENCIES, random)})`,
    ],
    random,
  );
  void language;
  return `${text} ${credit}`;
}

/** A page and its ground truth, from a story. */
export function layOut(
  story: Story,
  random: Random,
  clean: boolean,
): { text: string; truth: Truth } {
  const { language } = story;
  const lines: Line[] = [];
  const add = (text: string, role: Line['role'] = 'furniture') => lines.push({ text, role });
  const menu = MENU[language];
  // A blog page opens with a counter or ticker row, then the date, then the title.
  const blog = !clean && chance(random, 0.06);
  const date = blog || chance(random, clean ? 0.4 : 0.75) ? randomDay(random) : undefined;
  const byline =
    !blog && chance(random, clean ? 0.5 : 0.7) ? printedByline(language, random) : undefined;
  const dateText = date ? printedDate(date, language, random, chance(random, 0.4)) : undefined;
  const site = pick(SITES, random);

  if (blog) {
    add(figureRow(random));
  } else if (!clean) {
    // Blogs open with a counter or a ticker row.
    if (chance(random, 0.1)) add(figureRow(random));
    if (chance(random, 0.4)) add(`${story.title} ${pick(['|', '-', '–'], random)} ${site}`);
    if (chance(random, 0.7)) for (const item of sample(CHROME[language], 0.5, random)) add(item);
    if (chance(random, 0.6)) add(site);
    const menuCount = between(random, 0, menu.length);
    for (let i = 0; i < menuCount; i++) add(chance(random, 0.3) ? `• ${menu[i]}` : menu[i]!);
    if (chance(random, 0.3))
      for (const teaser of teasers(random, language, between(random, 2, 6))) add(teaser);
    if (chance(random, 0.35)) add(`${menu[0]} › ${pick(menu, random)} › ${pick(menu, random)}`);
  } else if (chance(random, 0.15)) {
    add(`BC-${pick(['US', 'EU', 'AS'], random)}-${pick(PLACES, random).replace(/ /g, '-')}-Vote`);
  }
  if (!clean && !blog && chance(random, 0.1)) teaserBlock(random, language, add);
  if (!blog && chance(random, clean ? 0.1 : 0.25)) add(pick(KICKERS, random));
  // Byline or date above the headline, sometimes.
  const above = blog || (!clean && chance(random, 0.12));
  // Blogs print a counter or a site row, then the date, then the title.
  if (above && !blog && chance(random, 0.5))
    add(chance(random, 0.6) ? figureRow(random) : pick(ODD_CHROME, random));
  if (above && dateText) add(dateText, 'date');
  add(story.title, 'headline');
  if (chance(random, clean ? 0.15 : 0.4)) add(pick(DECKS[language], random), 'deck');
  const metaLater = !clean && chance(random, 0.2);
  const together = chance(random, 0.25);
  const meta: Line[] = [];
  if (byline && dateText && together && !above) {
    const connector = pick(
      ['|', '•', '·', '—', '', ',', { en: 'on', de: 'am', fr: 'le', es: 'el', ja: '|' }[language]],
      random,
    );
    const intro = pick(
      ['', '', { en: 'Posted by', de: 'Von', fr: 'Par', es: 'Por', ja: '' }[language]],
      random,
    );
    const names =
      intro && !/^(?:by|von|par|por|written by)\s/i.test(byline.text)
        ? `${intro} ${byline.text}`
        : byline.text;
    meta.push({
      text: `${names} ${connector} ${dateText}`.replace(/\s+/g, ' '),
      role: 'byline+date',
    });
  } else {
    if (byline) meta.push({ text: byline.text, role: 'byline' });
    if (dateText && !above) meta.push({ text: dateText, role: 'date' });
    if (chance(random, 0.5)) meta.reverse();
  }
  if (!metaLater) lines.push(...meta);
  if (!clean) {
    if (chance(random, 0.1)) teaserBlock(random, language, add);
    if (chance(random, 0.4)) for (const item of sample(SHARE[language], 0.4, random)) add(item);
    if (chance(random, 0.35)) add(caption(random, language), 'caption');
  }
  story.paragraphs.forEach((paragraph, p) => {
    add(paragraph, 'story');
    if (metaLater && p === 0) lines.push(...meta);
    if (clean) return;
    if (p > 0 && chance(random, 0.06)) add(caption(random, language), 'caption');
    if (chance(random, 0.05)) add(pick(PROMPTS[language], random));
    if (p > 0 && p < story.paragraphs.length - 1 && chance(random, 0.07))
      add(`Read more: ${teasers(random, language, 1)[0]}`);
  });
  if (metaLater && story.paragraphs.length === 0) lines.push(...meta);
  if (chance(random, clean ? 0.1 : 0.15))
    add(`(Reporting by ${personName(random)}; Editing by ${personName(random)})`);
  if (chance(random, 0.15)) add(`© ${date?.year ?? 2024} ${site}. All rights reserved.`);
  if (!clean) {
    if (chance(random, 0.5)) for (const item of sample(SHARE[language], 0.3, random)) add(item);
    if (chance(random, 0.3)) add(`Topics: ${pick(menu, random)}, ${pick(menu, random)}`);
    if (chance(random, 0.6)) {
      add(pick(PROMPTS[language], random));
      for (const teaser of teasers(random, language, between(random, 2, 8))) add(teaser);
    }
    if (chance(random, 0.25)) teaserBlock(random, language, add);
    const promos = chance(random, 0.3);
    if (promos) for (let i = between(random, 1, 3); i > 0; i--) add(pick(PROMO_SENTENCES, random));
    if (chance(random, 0.1)) add(pick(ODD_CHROME, random));
    if (chance(random, 0.1)) add(figureRow(random));
    // Promos sometimes end the page, with no footer after them.
    if (chance(random, promos ? 0.3 : 0.6))
      for (const item of sample(FOOTER[language], 0.5, random)) add(item);
  }
  const blank = clean || chance(random, 0.5);
  const text = lines.map((line) => line.text).join(blank ? '\n\n' : '\n');
  const truth: Truth = {
    title: story.title,
    body: lines
      .filter((line) => line.role === 'story')
      .map((line) => line.text)
      .join('\n'),
    authors: byline ? byline.names : [],
  };
  if (date) truth.date = date.iso;
  else truth.dateAbsent = true;
  if (!byline) truth.bylineAbsent = true;
  return { text, truth };
}

/**
 * Generated pages: for each clean story, one whole-page layout or one clean copy. `stories`
 * come with the site they were read from (bbc stories keep bbc's site, so cross-validation
 * never trains on a bbc story's layout while testing bbc).
 */
export function generatedItems(
  stories: ReadonlyArray<{ story: Story; site: string; name: string }>,
  seed: number,
): Array<CorpusItem & { site: string }> {
  const random = seededRandom(seed);
  return stories.map(({ story, site, name }, i) => {
    const clean = chance(random, 0.35);
    const { text, truth } = layOut(story, random, clean);
    return {
      corpus: 'generated' as never,
      name: `${name}-${i}`,
      dir: '',
      raw: text,
      truth,
      site,
      ...(clean ? { clean: true } : {}),
    };
  });
}
