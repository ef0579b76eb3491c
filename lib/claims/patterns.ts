/**
 * Word patterns: the one matching engine behind claim cues, entity names and the built-in lexicons.
 *
 * A pattern is a string of space-separated word specs, already folded (see `fold`):
 *   `word`    the word exactly                    `stem*`  any word starting with the stem (terms)
 *   `^word`   the word, capitalised in the text (a trailing -s is allowed: Putins, Kyivs)
 *   `=RAW`    exactly RAW, case-sensitive (acronyms: IS, US, ФСБ)
 *   `stem~`   a Cyrillic name word with up to 3 letters of inflection (Бортников → Бортникова); `^stem~` capitalised
 *   `^stem+`  a capitalised Latin word of a longer name with up to 3 letters of inflection (Islamischer → Islamische)
 *   `%key`    a capitalised Latin word with this phonetic key (Sacharowa → Zakharova); one-word patterns only
 * A pattern in a script written without spaces (CJK, Thai) is one spec matched inside a word.
 * Words of a phrase must follow each other, separated by spaces, hyphens or apostrophes only.
 */
import { CYRILLIC, LATIN_WORD, UNSPACED, cyrillicStem, fold, phoneticKeys, type Token } from './text';

export interface Hit {
  /** Pattern index. */
  p: number;
  /** Token range [s, e). */
  s: number;
  e: number;
}

interface Spec {
  kind: 'exact' | 'prefix' | 'cap' | 'case' | 'inflect' | 'capInflect' | 'capStem' | 'phon' | 'inside';
  v: string;
}

function parseSpec(w: string): Spec {
  if (w.startsWith('%')) return { kind: 'phon', v: w.slice(1) };
  if (w.startsWith('=')) return { kind: 'case', v: w.slice(1) };
  if (w.startsWith('^') && w.endsWith('~')) return { kind: 'capInflect', v: w.slice(1, -1) };
  if (w.startsWith('^') && w.endsWith('+')) return { kind: 'capStem', v: w.slice(1, -1) };
  if (w.startsWith('^')) return { kind: 'cap', v: w.slice(1) };
  if (w.endsWith('~')) return { kind: 'inflect', v: w.slice(0, -1) };
  if (w.endsWith('*')) return { kind: 'prefix', v: w.slice(0, -1) };
  if (UNSPACED.test(w)) return { kind: 'inside', v: w };
  return { kind: 'exact', v: w };
}

function specMatches(sp: Spec, t: Token): boolean {
  switch (sp.kind) {
    case 'exact':
      return t.f === sp.v;
    case 'prefix':
      return t.f.startsWith(sp.v);
    case 'cap':
      return t.cap && (t.f === sp.v || t.f === `${sp.v}s`);
    case 'case':
      return t.raw === sp.v;
    case 'inflect':
      return t.f.startsWith(sp.v) && t.f.length - sp.v.length <= 3;
    case 'capInflect':
    case 'capStem':
      return t.cap && t.f.startsWith(sp.v) && t.f.length - sp.v.length <= 3;
    case 'phon':
      return t.cap && phoneticKeys(t.f, true).includes(sp.v);
    case 'inside':
      return t.f.includes(sp.v);
  }
}

/** Characters allowed between the words of a phrase. */
const JOIN = /^[\s\-\u2010\u2011'’ʼ]*$/;

function joined(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.e, b.s);
  if (gap.length > 3) return false;
  if (JOIN.test(gap)) return true;
  // "1.5 hours", "1,5 Stunden", "19:58"
  if (/^\d+$/.test(a.raw) && /^\d+$/.test(b.raw)) return /^[.,:]$/.test(gap);
  // "U.S. officials", "U. S."
  return a.raw.length === 1 && /^\.\s?$/.test(gap);
}

const KEY_LEN = 3;

/** A compiled, indexed set of patterns. */
export class PatternSet {
  private readonly specs: Spec[][];
  private readonly byKey = new Map<string, number[]>();
  private readonly byPhon = new Map<string, number[]>();
  private readonly inside: number[] = [];

  constructor(readonly patterns: readonly string[]) {
    this.specs = patterns.map((p) => p.split(' ').filter(Boolean).map(parseSpec));
    this.specs.forEach((specs, i) => {
      const first = specs[0];
      if (!first) return;
      if (first.kind === 'phon') push(this.byPhon, first.v, i);
      else if (first.kind === 'inside') this.inside.push(i);
      else {
        const v = first.kind === 'case' ? fold(first.v) : first.v;
        push(this.byKey, v.slice(0, KEY_LEN), i);
      }
    });
  }

  /** Every occurrence of every pattern in `tokens` (of `text`). */
  find(text: string, tokens: readonly Token[]): Hit[] {
    const hits: Hit[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      const cands = this.byKey.get(t.f.slice(0, KEY_LEN));
      if (cands) for (const p of cands) this.tryAt(text, tokens, i, p, hits);
      if (t.f.length < KEY_LEN) continue;
      if (t.cap && LATIN_WORD.test(t.f) && this.byPhon.size > 0) {
        for (const k of phoneticKeys(t.f, true)) {
          for (const p of this.byPhon.get(k) ?? []) if (!hits.some((h) => h.p === p && h.s === i)) hits.push({ p, s: i, e: i + 1 });
        }
      }
      for (const p of this.inside) if (specMatches(this.specs[p]?.[0] as Spec, t)) hits.push({ p, s: i, e: i + 1 });
    }
    return hits;
  }

  private tryAt(text: string, tokens: readonly Token[], i: number, p: number, hits: Hit[]): void {
    const specs = this.specs[p] as Spec[];
    let k = i;
    for (let j = 0; j < specs.length; j++, k++) {
      const t = tokens[k];
      if (!t || !specMatches(specs[j] as Spec, t)) return;
      if (j > 0 && !joined(text, tokens[k - 1] as Token, t)) return;
    }
    hits.push({ p, s: i, e: k });
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, v: V): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

/** Term (from cues or lexicons) → pattern: folded words; `*` kept. */
export function termPattern(term: string): string {
  return fold(term)
    .split(/[\s\-\u2010\u2011'’ʼ]+|(?<=\d)[.,:](?=\d)/)
    .filter(Boolean)
    .map((w) => w.replace(/[^\p{L}\p{N}*]/gu, ''))
    .filter(Boolean)
    .join(' ');
}

/**
 * Entity name → patterns. Capitalised words must be capitalised in the text, short all-caps words match
 * case-sensitively, Cyrillic words allow inflection, and a one-word Latin person name is also matched by its
 * phonetic key (other languages' transliterations).
 */
export function namePatterns(name: string, person: boolean): string[] {
  const words = name.split(/[\s\-\u2010\u2011'’ʼ.]+/).map((w) => w.replace(/[^\p{L}\p{M}\p{N}]/gu, '')).filter(Boolean);
  if (words.length === 0) return [];
  if (words.some((w) => UNSPACED.test(w))) return [fold(words.join(''))];
  const specs = words.map((w) => {
    const f = fold(w);
    const first = w.charAt(0);
    const cap = first !== first.toLowerCase();
    if (w.length <= 4 && w === w.toUpperCase() && w !== w.toLowerCase()) return `=${w}`;
    if (CYRILLIC.test(f) && f.length >= 4) return `${cap ? '^' : ''}${cyrillicStem(f)}~`;
    // German/Romance adjective endings inside longer names: Islamischer Staat / der Islamische Staat.
    if (cap && words.length > 1 && LATIN_WORD.test(f) && f.length >= 6) return `^${f.replace(/(en|er|es|em|e|s|n)$/, '')}+`;
    return cap ? `^${f}` : f;
  });
  const out = [specs.join(' ')];
  if (person && words.length === 1) {
    const f = fold(words[0] as string);
    const capital = /^\p{Lu}/u.test(words[0] as string);
    if (capital && f.length >= 5) for (const k of phoneticKeys(f)) if (k.length >= 5) out.push(`%${k}`);
  }
  return out;
}
