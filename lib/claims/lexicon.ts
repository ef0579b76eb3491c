/**
 * Language data the claim matcher needs for every claim alike (nothing here names a claim or a person):
 * month names, words that report speech, pronouns that continue the previous sentence's speaker, role
 * nouns, and abbreviations that do not end a sentence. Terms use the cue syntax (`*` = stem).
 */

/** Month names and stems per month (1–12), in the languages the pack's sources use. */
export const MONTHS: readonly (readonly string[])[] = [
  ['january', 'январ*', 'січн*', 'січень', 'januar', 'janner', 'janvier', 'enero', 'gennaio', 'janeiro', 'styczn*', 'styczen'],
  ['february', 'феврал*', 'лютого', 'лютий', 'februar', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'lutego', 'luty'],
  ['march', 'март', 'марта', 'марте', 'березн*', 'березень', 'marz', 'mars', 'marzo', 'marco', 'marca', 'marzec'],
  ['april', 'апрел*', 'квітн*', 'квітень', 'avril', 'abril', 'aprile', 'kwietn*', 'kwiecien'],
  ['may', 'мая', 'май', 'мае', 'травн*', 'травень', 'mai', 'mayo', 'maggio', 'maio', 'maja', 'maj'],
  ['june', 'июн*', 'червн*', 'червень', 'juni', 'juin', 'junio', 'giugno', 'junho', 'czerwc*', 'czerwiec'],
  ['july', 'июл*', 'липн*', 'липень', 'juli', 'juillet', 'julio', 'luglio', 'julho', 'lipc*', 'lipiec'],
  ['august', 'август*', 'серпн*', 'серпень', 'aout', 'agosto', 'sierpn*', 'sierpien'],
  ['september', 'sept', 'сентябр*', 'вересн*', 'вересень', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro', 'wrzesn*', 'wrzesien'],
  ['october', 'октябр*', 'жовтн*', 'жовтень', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro', 'pazdziernik*'],
  ['november', 'ноябр*', 'листопад*', 'novembre', 'noviembre', 'novembro', 'listopad*'],
  ['december', 'декабр*', 'грудн*', 'грудень', 'dezember', 'decembre', 'diciembre', 'dicembre', 'dezembro', 'grudn*', 'grudzien'],
];

/** Month words that are also common words: they count only next to a day number or a year. */
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['may', 'march', 'mar', 'marco', 'mai', 'maj', 'лютого', 'лютий', 'sept']);

/** Short English month forms, counted only next to a number. */
export const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Words that report speech ("said", "заявил", "sagte", "selon"): the name next to one is the sentence's speaker. */
export const REPORTING = [
  // en
  'said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'stated', 'statement', 'claim*', 'alleg*', 'wrote',
  'writes', 'writing', 'added', 'adding', 'adds', 'accus*', 'insist*', 'argu*', 'assert*', 'declar*', 'announc*',
  'according', 'suggest*', 'blam*', 'denied', 'deny', 'denies', 'reject*', 'dismiss*', 'called', 'calls', 'describ*',
  'noted', 'stress*', 'maintain*', 'acknowledg*', 'assess*', 'conclud*', 'explain*', 'answer*', 'replied',
  'responded', 'asked', 'confirm*', 'believ*', 'cited', 'quoted', 'reported', 'urged', 'condemn*', 'spoke',
  'speaking', 'remarked', 'commented', 'posted', 'insisted', 'charged', 'concluded', 'found',
  // ru
  'заяв*', 'сказал*', 'сказа*', 'сообщ*', 'отмет*', 'подчерк*', 'словам', 'счита*', 'утвержда*', 'написа*',
  'пишет', 'обвин*', 'назва*', 'называ*', 'добав*', 'ответ*', 'спроси*', 'рассказ*', 'указа*', 'указыва*',
  'говор*', 'опроверг*', 'отверг*', 'отрица*', 'уточни*', 'полага*', 'констатир*', 'выступ*', 'оцени*',
  'охарактериз*', 'уверен*', 'настаива*', 'поясни*', 'осуди*', 'призва*', 'подтверд*', 'признал*', 'установ*',
  // uk
  'повідом*', 'зазнач*', 'наголос*', 'наголош*', 'словами', 'вважа*', 'стверджу*', 'пише', 'звинува*', 'звинувач*',
  'назвав', 'назвала', 'назива*', 'дода*', 'відпов*', 'запита*', 'розпов*', 'вказа*', 'спросту*', 'відкин*',
  'відкида*', 'запереч*', 'уточни*', 'висту*', 'переконан*', 'поясни*', 'засуди*', 'оціни*', 'підтверд*',
  // de
  'sagt*', 'erklar*', 'behaupt*', 'teilt*', 'mitgeteilt', 'schrieb*', 'schreibt', 'betont*', 'warf', 'wirft',
  'bezeichn*', 'nannt*', 'nennt', 'zufolge', 'laut', 'fugte', 'meint*', 'sprach', 'spricht', 'bestritt*',
  'bestreit*', 'antwort*', 'ausser*', 'kritisier*', 'beschuldig*', 'versicher*', 'berichtet*', 'erlauter*', 'wies',
  'weist', 'zitiert', 'hiess', 'verurteil*', 'bestatig*', 'raumte',
  // fr
  'dit', 'selon', 'estim*', 'assur*', 'ecrit', 'qualifi*', 'ajout*', 'soulign*', 'expliqu*', 'repond*', 'rejet*',
  'rejett*', 'dement*', 'nie', 'indiqu*', 'annonc*', 'jug*', 'affirm*', 'precis*', 'condamn*', 'martel*',
  'confirm*', 'avance',
  // es
  'dijo', 'dice', 'decl*', 'afirm*', 'asegur*', 'segun', 'senal*', 'acus*', 'escribi*', 'calific*', 'anadi*',
  'agreg*', 'subray*', 'explic*', 'respond*', 'rechaz*', 'nego', 'niega', 'indic*', 'anunci*', 'insisti*',
  'sostuv*', 'sostien*', 'consider*', 'denunci*', 'asever*', 'apunt*', 'confirm*', 'cuestion*', 'pregunt*',
  'question*', 'wondered', 'demande',
];

/** Words that introduce reported content ("said that ..."): a name after one is not the speaker. */
export const COMPLEMENTIZERS = ['that', 'что', 'що', 'dass', 'que', 'qu', 'che'];

/** Pronouns that carry the previous sentence's speaker into this one ("He added", "По его словам"). */
export const PRONOUNS = [
  'he', 'she', 'they', 'his', 'her', 'him', 'their', 'it',
  'он', 'она', 'они', 'его', 'ее', 'их', 'ему', 'ей',
  'він', 'вона', 'вони', 'його', 'її', 'їх', 'йому', 'їй',
  'er', 'ihm', 'ihrer', 'seiner', 'seinen', 'seine', 'dieser',
  'il', 'elle', 'ils', 'elles', 'lui',
  'ella', 'ellos', 'según él', 'según ella', 'para él',
];

/** Role nouns that stand for the previous sentence's speaker ("The spokesman added"), when no other name is near. */
export const ROLES = [
  'spokes*', 'minister', 'director', 'chief', 'head', 'president', 'official', 'officials', 'agency', 'ministry',
  'committee', 'service', 'adviser', 'advisor', 'governor', 'court', 'prosecutors', 'investigators', 'diplomat*',
  'глава', 'директор', 'министр', 'президент', 'представител*', 'пресс', 'ведомств*', 'спикер', 'советник',
  'губернатор', 'следовател*', 'суд', 'дипломат*', 'руководител*',
  'голова', 'міністр', 'речни*', 'відомств*', 'радник', 'слідч*', 'керівник', 'очільни*',
  'sprecher*', 'ministeri*', 'direktor*', 'chef*', 'prasident*', 'behorde', 'berater*', 'gouverneur', 'gericht',
  'ermittler', 'ministre', 'directeur', 'ministere', 'conseiller', 'tribunal', 'enqueteurs', 'porte',
  'portavoz', 'ministro', 'ministra', 'jefe', 'presidente', 'ministerio', 'asesor', 'gobernador', 'investigadores',
];

/** Words before a full stop that do not end a sentence (folded, without the dot). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // en
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'gov', 'sen', 'rep', 'pres',
  'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'no', 'nos', 'vs', 'etc', 'approx', 'dept', 'est', 'fig', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'vol', 'pp', 'ca', 'cf', 'al',
  // ru / uk
  'г', 'гг', 'ул', 'им', 'тыс', 'млн', 'млрд', 'руб', 'др', 'пр', 'см', 'напр', 'проф', 'ген', 'ст', 'обл', 'пос',
  'ім', 'грн', 'тис', 'вул', 'див', 'т', 'д', 'р', 'ч', 'чел', 'мин',
  // de
  'nr', 'bzw', 'usw', 'vgl', 'hr', 'abs', 'evtl', 'ggf', 'inkl', 'bzgl',
  // fr
  'mme', 'mlle', 'mm', 'av', 'env', 'p',
  // es
  'sra', 'srta', 'dra', 'ud', 'uds', 'ee', 'uu', 'aa', 'pag',
]);
