/**
 * Headings that title a box of other stories rather than a part of the article ("Read also", "Most read",
 * "Friss hírek"), as news sites write them in the languages readers use. A block container whose first child is one
 * of these, whole, is page furniture (lib/page/blocks.ts) even when its class names are in the site's own language
 * ("doboz friss-hirek"). Lower case, without the trailing colon.
 */
const FURNITURE_HEADINGS: readonly string[] = [
  // en
  'related', 'related articles', 'related stories', 'related news', 'related content', 'read also', 'also read',
  'read more', 'see also', 'more on this story', 'more on this topic', 'most read', 'most popular', 'most viewed',
  'trending', 'trending now', 'latest news', 'latest stories', 'top stories', 'recommended', 'recommended for you',
  'you may also like', 'you might also like', 'more stories', 'more news', 'editor\'s picks', 'more for you',
  'you may have missed', 'sponsored stories', 'promoted stories', 'around the web', 'from our partners',
  // ru, uk, be, bg, sr, mk
  'читайте также', 'читайте еще', 'читайте ещё', 'по теме', 'новости по теме', 'смотрите также', 'самое читаемое',
  'популярное', 'последние новости', 'лента новостей', 'материалы по теме', 'рекомендации', 'рекомендуем',
  'вам может понравиться', 'рекомендуємо', 'вам також може сподобатися',
  'читайте також', 'по темі', 'новини за темою', 'популярне', 'останні новини', 'дивіться також',
  'чытайце таксама', 'прочетете още', 'още по темата', 'най-четени', 'свързани новини',
  'прочитајте још', 'најчитаније', 'повезане вести', 'прочитајте и',
  // de, nl, sv, no, da, fi, et, lv, lt
  'lesen sie auch', 'mehr zum thema', 'meistgelesen', 'meistgelesene artikel', 'das könnte sie auch interessieren',
  'weitere artikel', 'neueste artikel', 'top-themen', 'lees ook', 'meest gelezen', 'gerelateerde artikelen',
  'het laatste nieuws', 'läs också', 'läs även', 'mest lästa', 'relaterade artiklar', 'les også', 'mest lest',
  'læs også', 'mest læste', 'lue myös', 'luetuimmat', 'aiheesta muualla', 'loe ka', 'loetumad', 'seotud artiklid',
  'saistītie raksti', 'lasītākie', 'lasi arī', 'skaitykite taip pat', 'skaitomiausi', 'susiję straipsniai',
  // fr, es, ca, it, pt, ro
  'à lire aussi', 'lire aussi', 'à lire également', 'sur le même sujet', 'les plus lus', 'les plus lues',
  'articles liés', 'dernières actualités', 'lee también', 'leer también', 'te puede interesar', 'lo más leído',
  'más leídas', 'más información', 'noticias relacionadas', 'últimas noticias', 'llegeix també', 'el més llegit', 'leggi anche',
  'potrebbe interessarti', 'i più letti', 'più letti', 'articoli correlati', 'ultime notizie', 'leia também',
  'veja também', 'mais lidas', 'mais lidos', 'notícias relacionadas', 'últimas notícias', 'citește și',
  'citeste si', 'cele mai citite', 'articole similare', 'ultimele știri',
  // pl, cs, sk, sl, hr, hu
  'czytaj też', 'czytaj także', 'zobacz też', 'zobacz także', 'najczęściej czytane', 'polecamy',
  'powiązane artykuły', 'przeczytaj też', 'přečtěte si také', 'čtěte také', 'nejčtenější', 'související články',
  'prečítajte si aj', 'čítajte aj', 'najčítanejšie', 'súvisiace články', 'preberite tudi', 'najbolj brano',
  'pročitajte još', 'pročitajte i', 'najčitanije', 'povezani članci', 'povezane vesti', 'friss hírek',
  'kapcsolódó cikkek', 'legolvasottabb', 'ezt is ajánljuk', 'olvassa el ezt is',
  // el, tr, az, ka, hy, kk, uz
  'διαβάστε επίσης', 'δείτε επίσης', 'τα πιο δημοφιλή', 'σχετικά άρθρα', 'ayrıca okuyun', 'en çok okunanlar',
  'çok okunanlar', 'ilgili haberler', 'benzer haberler', 'bunlar da ilginizi çekebilir', 'həmçinin oxuyun',
  'ən çox oxunanlar',
  'ასევე წაიკითხეთ', 'კითხვადი', 'կարդացեք նաև', 'ամենաընթերցվածը', 'тағы оқыңыз', 'көп оқылғандар',
  "shuningdek o'qing", "ko'p o'qilganlar",
  // ar, fa, he, ur, hi, bn
  'اقرأ أيضا', 'اقرأ أيضاً', 'الأكثر قراءة', 'أخبار ذات صلة', 'مواضيع ذات صلة', 'بیشتر بخوانید', 'پربازدیدترین',
  'مطالب مرتبط', 'اخبار مرتبط', 'עוד בנושא', 'הכי נקראים', 'כתבות נוספות', 'یہ بھی پڑھیں', 'यह भी पढ़ें',
  'ये भी पढ़ें', 'संबंधित खबरें', 'আরও পড়ুন',
  // zh, ja, ko, vi, th, id, ms, tl, sw
  '相关阅读', '延伸阅读', '相关新闻', '热门文章', '推荐阅读', '相关推荐', '为你推荐', '热点', '热点新闻',
  '相關閱讀', '延伸閱讀', '相關新聞', '熱門文章',
  '関連記事', 'あわせて読みたい', 'よく読まれている記事', 'アクセスランキング', '관련 기사', '관련기사',
  '많이 본 뉴스', '함께 볼 기사', 'xem thêm', 'tin liên quan', 'đọc nhiều nhất', 'tin mới nhất',
  'ข่าวที่เกี่ยวข้อง', 'อ่านเพิ่มเติม', 'baca juga', 'berita terkait', 'terpopuler', 'berita terkini',
  'artikel berkaitan', 'basahin din', 'habari zaidi', 'soma pia',
  // Tickers of breaking news, as sites label them
  'breaking news', 'just in', 'news ticker', 'срочно', 'молния', 'бегущая строка', 'терміново', 'eilmeldung',
  'dernière minute', 'flash info', 'en continu', 'fil info', "fil d'info", 'net binnen', 'última hora',
  "ultim'ora", 'ultima ora', 'ultima oră', 'ultimă oră',
  'son dakika', 'pilne', 'τελευταία νέα', 'έκτακτο', 'عاجل', 'فوری', 'מבזקים', '速報', '快讯', '滚动', '滚动新闻',
  '속보', 'právě teď', 'τώρα', 'tin nhanh', 'son dəqiqə', 'најновије', 'najnovije', 'горещо', 'terkini',
  'najnowsze', 'legfrissebb', 'senaste nytt', 'siste nytt', 'seneste nyt', 'tuoreimmat', 'свежие новости', 'останнє',
  // Readers' comments under the article: each its own item
  'comments', 'reader comments', 'комментарии', 'коментарі', 'kommentare', 'commentaires', 'comentarios',
  'comentários', 'commenti', 'komentarze', 'komentáře', 'hozzászólások', 'reacties', 'kommentarer', 'yorumlar',
  'σχόλια', 'التعليقات', 'تعليقات', 'نظرات', 'תגובות', 'टिप्पणियाँ', '评论', '評論', 'コメント', '댓글', 'komentar',
];

// Made once: the bundler writes this literal as `new RegExp(...)`, which would compile it again at every call.
const MARKS = /\p{M}/gu;
/**
 * Lower case without accents: headings in capitals drop them ("ΤΩΡΑ" for "Τώρα"), and lower-casing a Turkish
 * dotted İ ("SON DAKİKA") leaves a combining dot.
 */
const fold = (text: string) => text.toLowerCase().normalize('NFD').replace(MARKS, '');

const FOLDED: ReadonlySet<string> = new Set(FURNITURE_HEADINGS.map(fold));

/** Whether `text` (a box's first child) is one of FURNITURE_HEADINGS, whole. */
export function isFurnitureHeading(text: string): boolean {
  return FOLDED.has(fold(text.trim().replace(/\s*[:：]$/u, '').replace(/\s+/gu, ' ')));
}
