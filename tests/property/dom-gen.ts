/**
 * Generators for the property tests: news paragraphs with known mentions, split at random points into text nodes
 * and inline elements, and whole pages around them (block structure, skipped regions, comments, attributes).
 * Everything is built with DOM calls, not markup, so adjacent and empty text nodes occur as they do on real pages.
 */
import fc from 'fast-check';

/** Sentences naming the attack, the venue and others (in several languages and scripts), and plain ones. */
export const NEWS = [
  'Gunmen attacked Crocus City Hall in Krasnogorsk on 22 March 2024.',
  'The FSB said four suspects were detained in the Bryansk region.',
  'Islamic State claimed the attack through its Amaq news agency.',
  'Vladimir Putin blamed radical Islamists and said the trail led to Ukraine.',
  'The band Picnic was due to play at Crocus City Hall that night.',
  'Теракт в «Крокус Сити Холле» произошёл 22 марта 2024 года.',
  'ФСБ сообщила о задержании четырёх человек в Брянской области.',
  'Der Anschlag auf die Crocus City Hall forderte 145 Tote.',
  // Non-BMP and combining characters around a name: splits may fall inside a surrogate pair or before a mark.
  'Cafe\u0301 owners near Crocus City Hall closed early; 𝐋𝐢𝐯𝐞 updates followed.',
];
export const PLAIN = [
  'Readers sent in their questions.',
  'The weather was cold and grey.',
  'Officials gave a briefing on Saturday morning.',
  'Traffic was diverted around the area.',
  'Тем временем шёл снег.',
];

/** A paragraph: sentences joined by single spaces, at least one of them news. */
export const paragraph = fc
  .tuple(fc.constantFrom(...NEWS), fc.array(fc.constantFrom(...NEWS, ...PLAIN, ...PLAIN), { maxLength: 4 }))
  .chain(([first, rest]) => fc.shuffledSubarray([first, ...rest], { minLength: rest.length + 1 }))
  .map((sentences) => sentences.join(' '));

/** A page's paragraphs, the first of them naming the attack's venue (the page is about it). */
export const paragraphs = fc
  .array(paragraph, { minLength: 1, maxLength: 5 })
  .map((ps) => [NEWS[0], ...ps]);

/** Inline wrappers a segment may get (`b>i`: nested), and inert things that may sit between segments. */
const WRAPPERS = ['', '', 'b', 'i', 'span', 'em', 'a', 'b>i', 'span>b>span'] as const;
const INERT = ['', '', '', 'comment', 'empty-span', 'wbr', 'empty-text'] as const;
/**
 * With text that is never the paragraph's (a script, a hidden span), which the browser would still read as part of
 * the range from the paragraph's first text to its last.
 */
const INERT_WITH_TEXT = [...INERT, 'script', 'hidden-span'] as const;

export interface Split {
  cuts: number[];
  wrappers: (typeof WRAPPERS)[number][];
  inert: (typeof INERT_WITH_TEXT)[number][];
}

/** A random way to cut a text of `length` characters into segments (`withText`: inert things may hold text). */
export function splitOf(length: number, withText = false): fc.Arbitrary<Split> {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: Math.max(1, length - 1) }), { maxLength: Math.min(14, length - 1) })
    .chain((cuts) => {
      const n = cuts.length + 1;
      return fc.record({
        cuts: fc.constant([...cuts].sort((a, b) => a - b)),
        wrappers: fc.array(fc.constantFrom(...WRAPPERS), { minLength: n, maxLength: n }),
        inert: fc.array(fc.constantFrom<Split['inert'][number]>(...(withText ? INERT_WITH_TEXT : INERT)), { minLength: n, maxLength: n }),
      });
    });
}

/** Appends `text` to `parent`, cut and wrapped as `split` says. */
export function appendSplit(doc: Document, parent: Node, text: string, split: Split): void {
  const bounds = [0, ...split.cuts.filter((c) => c > 0 && c < text.length), text.length];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const inert = split.inert[i] ?? '';
    if (inert === 'comment') parent.appendChild(doc.createComment(' c '));
    else if (inert === 'empty-span') parent.appendChild(doc.createElement('span'));
    else if (inert === 'wbr') parent.appendChild(doc.createElement('wbr'));
    else if (inert === 'empty-text') parent.appendChild(doc.createTextNode(''));
    else if (inert === 'script') parent.appendChild(doc.createElement('script')).textContent = 'var s = "Crocus";';
    else if (inert === 'hidden-span') {
      const span = parent.appendChild(doc.createElement('span'));
      span.setAttribute('hidden', '');
      span.textContent = 'Crocus City Hall (hidden)';
    }
    let at: Node = parent;
    for (const tag of (split.wrappers[i] ?? '').split('>').filter(Boolean)) {
      const el = doc.createElement(tag);
      if (tag === 'a') el.setAttribute('href', '#x');
      at.appendChild(el);
      at = el;
    }
    at.appendChild(doc.createTextNode(text.slice(bounds[i], bounds[i + 1])));
  }
}

/** Replaces `body`'s content with one `<p>` per text, each cut and wrapped as its split says. */
export function appendParagraphs(doc: Document, body: HTMLElement, texts: readonly string[], splits: readonly Split[]): void {
  body.replaceChildren();
  texts.forEach((text, i) => appendSplit(doc, body.appendChild(doc.createElement('p')), text, splits[i]!));
}

/** Paragraphs with a split each. */
export const splitParagraphs = paragraphs.chain((ps) =>
  fc.tuple(fc.constant(ps), fc.tuple(...ps.map((p) => splitOf(p.length)))),
);

/** Paragraphs with a split each, with scripts and hidden spans among the inert things between segments. */
export const splitParagraphsWithHiddenText = paragraphs.chain((ps) =>
  fc.tuple(fc.constant(ps), fc.tuple(...ps.map((p) => splitOf(p.length, true)))),
);

/** Elements whose content is never read or changed, with a name inside. */
const SKIPPED = [
  (doc: Document) => Object.assign(doc.createElement('textarea'), { textContent: 'Draft on Crocus City Hall' }),
  (doc: Document) => {
    const d = doc.createElement('div');
    d.setAttribute('contenteditable', 'true');
    d.appendChild(doc.createTextNode('Editing: the FSB and Crocus City Hall'));
    return d;
  },
  (doc: Document) => {
    const d = doc.createElement('div');
    d.setAttribute('role', 'textbox');
    d.appendChild(doc.createElement('b')).textContent = 'Crocus City Hall';
    return d;
  },
  (doc: Document) => Object.assign(doc.createElement('script'), { textContent: 'var s = "Crocus City Hall";' }),
  (doc: Document) => {
    const d = doc.createElement('p');
    d.setAttribute('aria-hidden', 'true');
    d.textContent = 'Crocus City Hall (hidden)';
    return d;
  },
];

const BLOCKS = ['p', 'div', 'li', 'h2', 'blockquote', 'td'] as const;

export interface PageSpec {
  paragraphs: string[];
  splits: Split[];
  blocks: (typeof BLOCKS)[number][];
  skipped: number[];
  attrs: boolean[];
}

export const pageSpec: fc.Arbitrary<PageSpec> = splitParagraphs.chain(([ps, splits]) =>
  fc.record({
    paragraphs: fc.constant(ps),
    splits: fc.constant(splits),
    blocks: fc.array(fc.constantFrom(...BLOCKS), { minLength: ps.length, maxLength: ps.length }),
    skipped: fc.array(fc.integer({ min: -1, max: SKIPPED.length - 1 }), { minLength: ps.length, maxLength: ps.length }),
    attrs: fc.array(fc.boolean(), { minLength: ps.length, maxLength: ps.length }),
  }),
);

/** Builds the page into `body` (replacing what was there). */
export function buildPage(doc: Document, body: HTMLElement, spec: PageSpec): void {
  body.replaceChildren();
  spec.paragraphs.forEach((text, i) => {
    const tag = spec.blocks[i];
    let container: HTMLElement = body;
    if (tag === 'li') container = body.appendChild(doc.createElement('ul'));
    if (tag === 'td') container = body.appendChild(doc.createElement('table')).appendChild(doc.createElement('tbody')).appendChild(doc.createElement('tr'));
    const el = container.appendChild(doc.createElement(tag));
    if (spec.attrs[i]) {
      el.setAttribute('class', `c${i} lead`);
      el.setAttribute('data-n', String(i));
    }
    appendSplit(doc, el, text, spec.splits[i]);
    if (spec.skipped[i] >= 0) body.appendChild(SKIPPED[spec.skipped[i]](doc));
    if (i % 2) body.appendChild(doc.createTextNode('\n  '));
  });
}

/** Every text node under `root` with its data, in document order. */
export function textNodes(root: Node): { node: Text; data: string }[] {
  const out: { node: Text; data: string }[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) out.push({ node: n as Text, data: (n as Text).data });
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(root);
  return out;
}
