// Deterministic benchmark pages: news-like filler in English and Russian that mentions nothing the extension knows,
// with 0, a few or many sentences about the Crocus City Hall attack mixed in (or a few decoys that name Moscow or a
// concert and not the attack), static or appended by the page's own script in batches after load. Pure (no I/O): the runner serves the HTML from memory, the unit tests check it.

/** Text sizes (characters of text content) the bench generates, smallest first. */
export const SIZES = [
  { label: '5KB', chars: 5_000 },
  { label: '100KB', chars: 100_000 },
  { label: '1MB', chars: 1_000_000 },
  { label: '10MB', chars: 10_000_000 },
];

/**
 * Mention variants: none, a few (3), and many (one mention sentence per ~5,000 characters, at least 20); decoy: no
 * mention, but 3 sentences that name Moscow or a concert (what the sentinel's quick pattern stops at on countless
 * pages that are not about the attack).
 */
export const MENTION_VARIANTS = ['none', 'decoy', 'few', 'many'];
export const FEW_MENTIONS = 3;
export const MANY_EVERY_CHARS = 5_000;
export const MANY_MIN = 20;

/** Text pieces per paragraph (3 plain, 2 inside inline elements): ~100 characters per text node. */
const PIECES_PER_PARAGRAPH = 5;
const PARAGRAPHS_PER_SECTION = 12;
/** Batches the dynamic variant appends, and the pause between them. */
export const DYNAMIC_BATCHES = 10;
export const DYNAMIC_INTERVAL_MS = 50;

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

// ---- Filler: everyday local news, no place, person or organisation the knowledge pack names. ----

const EN = {
  subjects: [
    'The city council', 'A local bakery', 'The regional library', 'Volunteers from the rowing club', 'The weather service',
    'Engineers at the water utility', 'A group of students', 'The football team', 'Residents of the old quarter',
    'The museum director', 'Market analysts', 'The school board', 'Farmers in the valley', 'The transport authority',
    'A small publishing house', 'The hospital board', 'Organisers of the book fair', 'The chess federation',
  ],
  verbs: [
    'announced plans to renovate', 'reported a rise in demand for', 'opened a new exhibition about', 'discussed the budget for',
    'reviewed proposals for', 'celebrated the reopening of', 'published a short guide to', 'extended the opening hours of',
    'postponed the vote on', 'praised the progress of', 'asked for more funding for', 'launched a survey about',
  ],
  objects: [
    'the riverside park', 'the central railway station', 'public swimming pools', 'the winter festival', 'bicycle lanes',
    'the botanical garden', 'the harbour bridge', 'evening language courses', 'community gardens', 'the municipal archive',
    'seasonal vegetables', "the children's theatre", 'solar panels on school roofs', 'the night bus network',
  ],
  tails: [
    'on Tuesday', 'earlier this month', 'after a long debate', 'despite the rain', 'for the third year in a row',
    'ahead of the holiday season', 'according to a spokesperson', 'at a meeting on Thursday evening', 'last weekend',
  ],
  extras: [
    '', '', '', ', and organisers expect more visitors next year', ', while critics asked for more detailed cost estimates',
    ', a decision that surprised few observers', ', and a final report is due in the spring', ', with tickets selling out within hours',
  ],
};

const RU = {
  subjects: [
    ['Городской совет', 0], ['Местная пекарня', 0], ['Районная библиотека', 0], ['Волонтёры гребного клуба', 1],
    ['Метеорологическая служба', 0], ['Инженеры водоканала', 1], ['Группа студентов', 0], ['Футбольная команда', 0],
    ['Жители старого квартала', 1], ['Директор музея', 0], ['Аналитики рынка', 1], ['Школьный совет', 0],
    ['Фермеры долины', 1], ['Небольшое издательство', 0], ['Организаторы книжной ярмарки', 1],
  ],
  verbs: [
    ['обсуждает', 'обсуждают'], ['представляет', 'представляют'], ['ремонтирует', 'ремонтируют'], ['хвалит', 'хвалят'],
    ['изучает', 'изучают'], ['открывает', 'открывают'], ['поддерживает', 'поддерживают'], ['критикует', 'критикуют'],
  ],
  objects: [
    'набережную парка', 'центральный вокзал', 'зимний фестиваль', 'велосипедные дорожки', 'ботанический сад',
    'вечерние языковые курсы', 'городской архив', 'детский театр', 'новую выставку о керамике', 'ночные автобусные маршруты',
    'проект нового стадиона', 'программу летних лагерей',
  ],
  tails: [
    'во вторник', 'в начале месяца', 'после долгого обсуждения', 'несмотря на дождь', 'третий год подряд',
    'накануне праздников', 'по словам представителя', 'на встрече в четверг вечером', 'в прошлые выходные',
  ],
  extras: [
    '', '', '', ', и организаторы ждут больше гостей в следующем году', ', а критики просят подробную смету',
    ', что мало кого удивило', ', а итоговый отчёт ожидается весной',
  ],
};

/** One filler sentence in `lang` ('en' | 'ru'), 60–160 characters. */
export function fillerSentence(rand, lang) {
  if (lang === 'ru') {
    const [subject, plural] = pick(rand, RU.subjects);
    const verb = pick(rand, RU.verbs)[plural];
    return `${subject} ${verb} ${pick(rand, RU.objects)} ${pick(rand, RU.tails)}${pick(rand, RU.extras)}.`;
  }
  return `${pick(rand, EN.subjects)} ${pick(rand, EN.verbs)} ${pick(rand, EN.objects)} ${pick(rand, EN.tails)}${pick(rand, EN.extras)}.`;
}

/** Sentences about the attack (our own bench wording); each names the event or the venue, most also an actor. */
export const MENTION_SENTENCES = {
  en: [
    'Investigators returned to the attack on Crocus City Hall in Krasnogorsk, reviewing footage from the night of the concert.',
    'Dmitry Peskov told reporters that the Kremlin would comment on the Crocus City Hall attack after the investigation.',
    'The Islamic State group claimed the Crocus City Hall attack through the Amaq agency, according to its statement.',
    'Relatives of the victims of the Crocus City Hall attack laid flowers at the memorial near the venue.',
    'The FSB said four suspects in the Crocus City Hall attack were detained in Bryansk Oblast.',
  ],
  ru: [
    'Следователи вернулись к обстоятельствам теракта в Крокус Сити Холле в Красногорске.',
    'Дмитрий Песков заявил журналистам, что Кремль прокомментирует теракт в Крокус Сити Холле после расследования.',
    'ФСБ сообщила о задержании четырёх подозреваемых в Брянской области после теракта в Крокус Сити Холле.',
    'Родственники погибших в Крокус Сити Холле принесли цветы к мемориалу у здания.',
  ],
};

/** Sentences that name Moscow or a concert and nothing about the attack (our own bench wording). */
export const DECOY_SENTENCES = {
  en: [
    'The Moscow city council approved the budget for two new tram lines on Tuesday.',
    'Snow is expected in Moscow this weekend, and the airports warned of delays.',
    'A touring orchestra announced an autumn concert series, with tickets on sale next week.',
  ],
  ru: [
    'В Москве в выходные ожидается снег, аэропорты предупредили о задержках.',
    'Мэрия Москвы утвердила бюджет двух новых трамвайных линий.',
  ],
};

/** How many mention (or decoy) sentences a page of `chars` characters gets in `variant`. */
export function mentionCount(variant, chars) {
  if (variant === 'none') return 0;
  if (variant === 'decoy') return FEW_MENTIONS;
  if (variant === 'few') return FEW_MENTIONS;
  if (variant === 'many') return Math.max(MANY_MIN, Math.round(chars / MANY_EVERY_CHARS));
  throw new Error(`unknown mention variant ${variant}`);
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Slot indices (over all plain-text pieces of the page) that get a mention sentence: evenly spread. */
export function mentionSlots(count, slots) {
  const out = new Set();
  for (let i = 0; i < count; i++) out.add(Math.min(slots - 1, Math.floor(((i + 0.5) * slots) / count)));
  return out;
}

/**
 * Generates one page.
 * @param {{ size: string, chars: number, mentions: 'none'|'decoy'|'few'|'many', dynamic?: boolean, seed?: number }} spec
 * @returns {{ id: string, html: string, textChars: number, textNodes: number, mentionSentences: number, decoySentences: number, paragraphs: number }}
 */
export function generatePage({ size, chars, mentions, dynamic = false, seed = 1 }) {
  const id = `${size}-${mentions}${dynamic ? '-dyn' : ''}`;
  // Seeded by size: the same spec always gives the same page.
  const rand = prng(seed * 7919 + chars);
  // Paragraph plan first (so mention slots can be spread before generating text).
  const paragraphs = Math.max(2, Math.round(chars / 500));
  const plainSlotsPerParagraph = 3; // pieces 0, 2, 4
  const wanted = mentionCount(mentions, chars);
  const slots = mentionSlots(wanted, paragraphs * plainSlotsPerParagraph);
  const mentionRand = prng(seed * 104729 + chars + 1);

  const blocks = []; // HTML of each section
  let section = [];
  let sectionLang = 'en';
  let textChars = 0;
  let textNodes = 0;
  let mentionSentences = 0;
  let decoySentences = 0;
  const sentences = mentions === 'decoy' ? DECOY_SENTENCES : MENTION_SENTENCES;
  let usedChars = 0;
  const flush = () => {
    if (section.length) blocks.push(`<section lang="${sectionLang}">${section.join('')}</section>`);
    section = [];
  };
  for (let p = 0; p < paragraphs; p++) {
    if (p % PARAGRAPHS_PER_SECTION === 0) {
      flush();
      sectionLang = rand() < 0.7 ? 'en' : 'ru';
      const heading = fillerSentence(rand, sectionLang).replace(/[,.].*$/, '');
      section.push(`<h2>${escapeHtml(heading)}</h2>`);
      textChars += heading.length;
      textNodes += 1;
    }
    // Pieces of ~100 characters each, filling the paragraph's share of the remaining budget.
    const target = Math.max(60, Math.round((chars - usedChars) / (paragraphs - p) / PIECES_PER_PARAGRAPH));
    const pieces = [];
    for (let k = 0; k < PIECES_PER_PARAGRAPH; k++) {
      const plainIndex = k % 2 === 0 ? p * plainSlotsPerParagraph + k / 2 : -1;
      let text = '';
      if (plainIndex >= 0 && slots.has(plainIndex)) {
        text = pick(mentionRand, sentences[sectionLang]);
        if (mentions === 'decoy') decoySentences++;
        else mentionSentences++;
      }
      while (text.length < target - 60) text += (text ? ' ' : '') + fillerSentence(rand, sectionLang);
      // Pieces are separated by a space inside the paragraph's own text.
      pieces.push(k < PIECES_PER_PARAGRAPH - 1 ? `${text} ` : text);
    }
    const [a, b, c, d, e] = pieces.map(escapeHtml);
    section.push(`<p>${a}<a href="#p${p}">${b}</a>${c}<em>${d}</em>${e}</p>`);
    for (const piece of pieces) textChars += piece.length;
    usedChars += pieces.reduce((n, s) => n + s.length, 0);
    textNodes += PIECES_PER_PARAGRAPH;
  }
  flush();

  const title = `Local news digest (${size}, bench page ${mentions}${dynamic ? ', dynamic' : ''})`;
  const head =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<meta name="viewport" content="width=device-width">` +
    `<style>body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem}h2{font-size:1.2rem}</style></head>`;
  const headerText = 'Local news digest';
  let body;
  if (!dynamic) {
    body = `<body><header><h1>${headerText}</h1></header><main><article>${blocks.join('')}</article></main></body></html>`;
  } else {
    // The page's own script moves one template's content into the article per tick once the runner dispatches
    // `bench-start` (after load), then marks the end on <html data-bench-done>.
    const perBatch = Math.ceil(blocks.length / DYNAMIC_BATCHES);
    const templates = [];
    for (let i = 0; i < DYNAMIC_BATCHES; i++) {
      templates.push(`<template data-batch="${i}">${blocks.slice(i * perBatch, (i + 1) * perBatch).join('')}</template>`);
    }
    const script =
      `<script>addEventListener('bench-start',()=>{const t=[...document.querySelectorAll('template[data-batch]')];` +
      `const a=document.querySelector('article');let i=0;const tick=()=>{if(i<t.length){a.append(t[i].content);t[i].remove();i++;` +
      `setTimeout(tick,${DYNAMIC_INTERVAL_MS})}else{document.documentElement.dataset.benchDone=String(performance.now())}};` +
      `setTimeout(tick,${DYNAMIC_INTERVAL_MS})})</script>`;
    body = `<body><header><h1>${headerText}</h1></header><main><article></article></main>${templates.join('')}${script}</body></html>`;
  }
  textChars += headerText.length;
  textNodes += 1;
  return { id, html: head + body, textChars, textNodes, mentionSentences, decoySentences, paragraphs };
}

/** All the page specs of one run. `dynamicSizes` lists the sizes that also get the dynamic variant (none + many). */
export function pageSpecs({ sizes = SIZES.map((s) => s.label), variants = MENTION_VARIANTS, dynamicSizes = sizes, seed = 1 } = {}) {
  const specs = [];
  for (const s of SIZES) {
    if (!sizes.includes(s.label)) continue;
    for (const m of variants) specs.push({ size: s.label, chars: s.chars, mentions: m, dynamic: false, seed });
    if (dynamicSizes.includes(s.label)) {
      for (const m of ['none', 'many']) if (variants.includes(m)) specs.push({ size: s.label, chars: s.chars, mentions: m, dynamic: true, seed });
    }
  }
  return specs;
}
