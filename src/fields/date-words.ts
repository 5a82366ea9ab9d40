/**
 * Words that appear in printed dates, lower-case and without trailing periods. One table per
 * concept, several languages each (English, French, German, Spanish, Portuguese, Italian, Dutch;
 * Russian month names).
 */

/** The spellings of each month, January first, separated by spaces. */
const monthSpellings: readonly string[] = [
  'january jan janvier janv januar jänner jän enero ene janeiro gennaio januari',
  'february feb febr février fevrier févr fevr februar febrero fevereiro fev febbraio februari',
  'march mar mars märz maerz mär marzo março marco maart mrt',
  'april apr avril avr abril abr aprile',
  'may mai mayo maio maggio mei',
  'june jun juin juni junio junho giugno giu',
  'july jul juillet juil juli julio julho luglio lug',
  'august aug août aout agosto augustus',
  'september sept sep septembre septiembre setiembre setembro settembre',
  'october oct octobre oktober okt octubre outubro ottobre ott',
  'november nov novembre noviembre novembro',
  'december dec décembre decembre déc dezember dez diciembre dic dezembro dicembre',
];

/** Month names in Russian as a day number is followed by them (genitive: `15 августа 2016`). */
const russianMonths =
  'января февраля марта апреля мая июня июля августа сентября октября ноября декабря'.split(' ');

/** Month word → month number (1–12). */
export const months: ReadonlyMap<string, number> = new Map([
  ...monthSpellings.flatMap((spellings, index) =>
    spellings.split(' ').map((word) => [word, index + 1] as const),
  ),
  ...russianMonths.map((word, index) => [word, index + 1] as const),
]);

/** The spellings of each day of the week, Sunday first, separated by spaces. */
const weekdaySpellings: readonly string[] = [
  'sunday sun dimanche dim sonntag so domingo dom domenica zondag zo',
  'monday mon lundi lun montag mo lunes segunda segunda-feira lunedì lunedi maandag ma',
  'tuesday tue tues mardi dienstag di martes terça terça-feira martedì martedi dinsdag',
  'wednesday wed mercredi mer mittwoch mi miércoles miercoles quarta quarta-feira mercoledì mercoledi woensdag wo',
  'thursday thu thur thurs jeudi jeu donnerstag do jueves quinta quinta-feira giovedì giovedi donderdag',
  'friday fri vendredi ven freitag fr viernes sexta sexta-feira venerdì venerdi vrijdag vr',
  'saturday sat samedi sam samstag sa sábado sabado sabato zaterdag za',
];

/** Weekday word → day of the week (0 = Sunday). */
export const weekdays: ReadonlyMap<string, number> = new Map(
  weekdaySpellings.flatMap((spellings, index) =>
    spellings.split(' ').map((word) => [word, index] as const),
  ),
);

/** Canonical labels (values of {@link dateLabels}) that mark a modification date; the others mark publication. */
export const modifiedLabels: ReadonlySet<string> = new Set(['updated', 'last updated', 'modified']);

/**
 * Labels printed before a date: the label nutgraf returns → its lower-case spellings (words
 * joined by one space), `|`-separated.
 */
const dateLabelSpellings: Readonly<Record<string, string>> = {
  published:
    'published|published on|publish date|date published|publié|publié le|veröffentlicht|' +
    'veröffentlicht am|publicado|publicado el|publicado em|pubblicato|pubblicato il|gepubliceerd|' +
    'gepubliceerd op',
  'first published':
    'first published|first published on|originally published|originally published on',
  updated:
    'updated|updated on|mis à jour|mis à jour le|aktualisiert|aktualisiert am|stand|actualizado|' +
    'atualizado|atualizado em|aggiornato|aggiornato il|bijgewerkt',
  'last updated': 'last updated|last updated on',
  posted: 'posted|posted on',
  modified: 'modified|last modified',
  created: 'created',
  date: 'date',
};

/** Labels printed before a date, by their lower-case spelling, with the label nutgraf returns. */
export const dateLabels: ReadonlyMap<string, string> = new Map(
  Object.entries(dateLabelSpellings).flatMap(([label, spellings]) =>
    spellings.split('|').map((spelling) => [spelling, label] as const),
  ),
);

/** The most words a label has. */
export const dateLabelMaxWords = 4;

/** Words that may sit between the parts of a date and carry no meaning (`at`, `on`, `de`, `um`, `Uhr`). */
export const dateFillers: ReadonlySet<string> = new Set(
  'at on of the le à a las la de del um uhr den am el em il alle ore om h'.split(' '),
);

/** `a.m.`, `AM`, `p.m.`, `PM` (dots removed, lower-case) → whether it is after noon. */
export const meridiems: ReadonlyMap<string, boolean> = new Map([
  ['am', false],
  ['pm', true],
]);

/** Named times of day → hour. */
export const namedTimes: ReadonlyMap<string, number> = new Map([
  ['noon', 12],
  ['midday', 12],
  ['midnight', 0],
]);

/** Units of relative dates (`2 hours ago`) → milliseconds, or `day` for calendar days. */
export const relativeUnits: ReadonlyMap<string, 'second' | 'minute' | 'hour' | 'day' | 'week'> =
  new Map([
    ['second', 'second'],
    ['seconds', 'second'],
    ['sec', 'second'],
    ['secs', 'second'],
    ['minute', 'minute'],
    ['minutes', 'minute'],
    ['min', 'minute'],
    ['mins', 'minute'],
    ['hour', 'hour'],
    ['hours', 'hour'],
    ['hr', 'hour'],
    ['hrs', 'hour'],
    ['day', 'day'],
    ['days', 'day'],
    ['week', 'week'],
    ['weeks', 'week'],
  ] as const);

/** Relative day words → days before the reference date. */
export const relativeDays: ReadonlyMap<string, number> = new Map([
  ['today', 0],
  ['yesterday', 1],
  ['aujourd’hui', 0],
  ["aujourd'hui", 0],
  ['hier', 1],
  ['heute', 0],
  ['gestern', 1],
  ['hoy', 0],
  ['ayer', 1],
  ['hoje', 0],
  ['ontem', 1],
  ['oggi', 0],
  ['ieri', 1],
  ['vandaag', 0],
  ['gisteren', 1],
]);
