// @vitest-environment node
/**
 * createQuickScanner (lib/recognize/quick.ts) against the check it replaces: for every text, the scanner of a
 * pattern says what `quickTest(text, quickPattern(pattern))` says. So does the pattern with its case spelled out
 * (foldCase, lib/recognize/quick-fold.ts), matched without the `i` flag, with and without the scanner.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASED_STRIP, classRanges, QUICK_STRIP_CLASS, quickPattern, quickTest, quickWindows, quickWindowsPattern, UNCASED_STRIP_CLASS } from '../../lib/recognize/quick';
import { foldCase } from '../../lib/recognize/quick-fold';
import { groupSource, quickGroups } from '../../lib/recognize/quick-groups';
import { createQuickScanner, QUICK_SCAN_MIN, type QuickScanner } from '../../lib/recognize/quick-scanner';
import { GRAM_MAX, gramSlot, hashUnit, quickScannerPlan } from '../../lib/recognize/quick-plan';
import { generatePage } from '../../scripts/bench/pages.mjs';
import { FIXTURES, realTable } from './support';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const QUICK = realTable().quick;

/** The strings a pattern of the quick syntax matches (literals, `\x` escapes, `(?:a|b)`, `?`), for the tests. */
function expand(source: string): string[] {
  let pos = 0;
  const alternation = (): string[] => {
    const out = sequence();
    while (source[pos] === '|') {
      pos++;
      out.push(...sequence());
    }
    return out;
  };
  const sequence = (): string[] => {
    let out = [''];
    while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') {
      let atom: string[];
      if (source.startsWith('(?:', pos)) {
        pos += 3;
        atom = alternation();
        pos++; // ')'
      } else if (source[pos] === '\\') {
        atom = [source[pos + 1] as string];
        pos += 2;
      } else {
        atom = [source[pos++] as string];
      }
      if (source[pos] === '?') {
        pos++;
        atom.push('');
      }
      out = out.flatMap((a) => atom.map((b) => a + b));
    }
    return out;
  };
  return alternation();
}

/** Every BMP code unit, in order (lone surrogates included): what a RegExp without `u` may meet. */
const ALL_UNITS = String.fromCharCode(...Array.from({ length: 0x10000 }, (_, u) => u));

/** The code units that the RegExp (flag `i`, no `u`) matches as `unit`, itself first. */
function caseVariants(unit: string): string[] {
  const re = new RegExp(`[\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}]`, 'gi');
  return [unit, ...(ALL_UNITS.match(re) ?? []).filter((v) => v !== unit)];
}

const STRIP = ['\u00ad', '\u200b', '\u200d', '\u200e', '\u2060', '\ufeff', '\ufe0f', '\u0301', '\u0345', '\u05b4', '\u0640', '\u064e', '\u0e48', '\u0e47', '\u093c', '\u09bc'];

/** The scanner of a pattern, for texts of any length (not only those of QUICK_SCAN_MIN units or more). */
function scannerOf(source: string): QuickScanner {
  return createQuickScanner(source, { minLength: 0, plan: quickScannerPlan(source) });
}

/**
 * A scanner, the folded pattern (alone and in a scanner) and the reference check for one pattern, compared on each
 * text.
 */
function checker(source: string): (text: string) => void {
  const scan = scannerOf(source);
  const quick = quickPattern(source);
  // As the sentinel gets it: the folded source, and the plan of the pattern (a folded source has none).
  const folded = foldCase(source) ?? source;
  const foldedQuick = quickPattern(folded, '', folded !== source);
  const foldedScan = createQuickScanner(folded, { minLength: 0, folded: folded !== source, plan: quickScannerPlan(source) });
  return (text) => {
    const want = quickTest(text, quick);
    const got = [scan(text), quickTest(text, foldedQuick), foldedScan(text)];
    if (got.some((g) => g !== want)) expect.soft(got, `${source} on ${JSON.stringify(text.slice(0, 300))}`).toEqual([want, want, want]);
  };
}

function mixedCase(s: string, phase: number): string {
  return [...s].map((c, i) => ((i + phase) % 2 === 0 ? c.toUpperCase() : c.toLowerCase())).join('');
}

describe('createQuickScanner on the pack pattern', () => {
  const alternatives = expand(QUICK);
  const check = checker(QUICK);

  it('reads the pattern as the alternation it is', () => {
    expect(alternatives.length).toBeGreaterThan(40);
    const quick = quickPattern(QUICK);
    for (const a of alternatives) expect(quick.test(a), a).toBe(true);
    // Not the quickTest fallback: the scanner has tables for this pattern.
    const plan = quickScannerPlan(QUICK);
    expect(plan).not.toBeNull();
    expect(plan?.maxLen).toBe(Math.max(...alternatives.map((a) => a.length)));
  });

  it('agrees on every anchor alternative, in any case, alone and amid other text', () => {
    for (const a of alternatives) {
      for (const form of [a, a.toLowerCase(), a.toUpperCase(), mixedCase(a, 0), mixedCase(a, 1)]) {
        check(form);
        check(`Text before ${form}`);
        check(`${form} and after.`);
        check(`Some filler, ${form}, more filler — and the end`);
        check(`xx${form}yy`);
        // One unit short (the last or the first): no match from this alternative.
        check(`… ${form.slice(0, -1)} …`);
        check(`… ${form.slice(1)} …`);
      }
    }
  });

  it('agrees on every case variant the RegExp accepts for each unit of each alternative', () => {
    const variants = new Map<string, string[]>();
    for (const a of alternatives) {
      for (let i = 0; i < a.length; i++) {
        const unit = a[i] as string;
        if (!variants.has(unit)) variants.set(unit, caseVariants(unit));
        for (const v of variants.get(unit) as string[]) check(`see ${a.slice(0, i)}${v}${a.slice(i + 1)}.`);
      }
    }
    // Exotic variants exist for some units (Greek final sigma, Cyrillic Extended-C, Georgian Mtavruli...).
    expect([...variants.values()].some((v) => v.length > 2)).toBe(true);
  });

  it('agrees with strip characters inside, before and after every alternative', () => {
    for (const a of alternatives) {
      for (const s of STRIP) {
        for (let i = 0; i <= a.length; i++) {
          check(`a ${a.slice(0, i)}${s}${a.slice(i)} b`);
          check(`${a.slice(0, i)}${s}${s}${a.slice(i)}`);
          check(`${mixedCase(a.slice(0, i), 1)}${s}x${a.slice(i)}`);
        }
        // Strip characters between every unit, and far from the anchor.
        check(`q ${[...a].join(s)} q`);
        check(`${s} far away ${a.slice(0, -1)}`);
      }
    }
  });

  it('agrees on random texts built from anchor pieces, letters and strip characters', () => {
    const units = [...new Set(alternatives.join(''))];
    const letters = [...new Set(units.flatMap((u) => caseVariants(u)))];
    const pieces = alternatives.flatMap((a) => [a, a.slice(0, Math.ceil(a.length / 2)), a.slice(Math.floor(a.length / 2)), a.slice(1)]);
    const piece = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...pieces) },
      { weight: 4, arbitrary: fc.constantFrom(...letters) },
      { weight: 2, arbitrary: fc.constantFrom(...STRIP) },
      { weight: 2, arbitrary: fc.constantFrom(' ', 'a', 'e', 'n', '.', '\n', 'о', 'и', '1') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
    );
    const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    const quick = quickPattern(QUICK);
    fc.assert(
      fc.property(text, fc.boolean(), (t, upper) => {
        const s = upper ? t.toUpperCase() : t;
        expect(createQuickScannerCached(QUICK)(s)).toBe(quickTest(s, quick));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees on the recognizer fixture pages, the seed article, the e2e pages and bench pages', () => {
    const texts: string[] = [];
    for (const file of ['pages.jsonl', 'scan-pages.jsonl']) {
      for (const line of readFileSync(`${FIXTURES}${file}`, 'utf8').split('\n')) {
        try {
          const text = (JSON.parse(line) as { text?: unknown }).text;
          if (typeof text === 'string') texts.push(text);
        } catch {
          // not a JSON line (the scanner's tests include some on purpose)
        }
      }
    }
    const html = (s: string) => s.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, ' ');
    texts.push(html(readFileSync(`${FIXTURES}scan-page.html`, 'utf8')));
    for (const f of readdirSync(`${ROOT}seeds`)) texts.push(readFileSync(`${ROOT}seeds/${f}`, 'utf8'));
    const e2e = `${ROOT}tests/e2e/fixtures/`;
    for (const f of readdirSync(e2e, { recursive: true }) as string[]) if (f.endsWith('.html')) texts.push(html(readFileSync(e2e + f, 'utf8')));
    for (const mentions of ['none', 'few', 'many'] as const) texts.push(html(generatePage({ size: '100KB', chars: 100_000, mentions }).html));
    expect(texts.length).toBeGreaterThan(50);
    let matched = 0;
    for (const text of texts) {
      check(text);
      if (quickTest(text, quickPattern(QUICK))) matched++;
      // Each line (block) alone, as is and without its first units; with a soft hyphen inside every word; decomposed
      // (combining marks: й is и + U+0306).
      for (const line of text.split('\n')) {
        check(line);
        check(line.slice(3));
        check(line.replace(/(\p{L}{2})(\p{L})/gu, '$1\u00ad$2'));
        check(line.normalize('NFD'));
      }
    }
    expect(matched).toBeGreaterThan(20);
    expect(matched).toBeLessThan(texts.length);
  });
});

const scanners = new Map<string, (text: string) => boolean>();
function createQuickScannerCached(source: string): (text: string) => boolean {
  let s = scanners.get(source);
  if (!s) scanners.set(source, (s = scannerOf(source)));
  return s;
}

describe('createQuickScanner on other patterns', () => {
  const patterns = [
    // Shapes buildQuick makes: a trie of lower-case anchors, some of one or two units.
    'a',
    'ab',
    '(?:x|yz|abc)',
    '(?:abc|b(?:c|de))',
    'c(?:ro(?:cus|oks)|o(?:ncer|rcus))',
    'моск(?:в|ов)',
    // More of the syntax: escapes, optional atoms and groups, upper case, a strip character inside, astral units.
    'a\\.b\\?',
    'ab?c',
    'x(?:yz)?w',
    'Ab(?:CD|e)',
    '(?:cr\u00e9|cre)me',
    'ค(?:ร็อ|รอ)',
    '\ud83d\ude00x',
    '(?:σοφ|ΣΟΦΙΑ)',
    // Upper case in the pattern, a final sigma among its units (its lower case depends on the context).
    'ΑΣ',
    'x(?:ΟΣ|ς)',
    '(?:ab|a)(?:c|bc)',
    // Not the quick syntax: the scanner falls back to quickTest.
    '[ab]c',
    'a.c',
    'a+b',
    '\\u{1F600}',
    '(?:a|)',
    '^ab',
    '\\bab',
    '(ab)',
  ];
  const alphabet = [...'abcdexyzwABCDEXYZ.?reoumsнкровмсМОСКВ σςοφιαΣΟΦΙΑ\u00e9\u0301คร็อ\ud83d\ude00', ...STRIP];

  it('agrees on random texts for each pattern', () => {
    for (const source of patterns) {
      const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((a) => a.join(''));
      fc.assert(
        fc.property(text, (t) => {
          expect(createQuickScannerCached(source)(t), `${source} on ${JSON.stringify(t)}`).toBe(quickTest(t, quickPattern(source)));
        }),
        { numRuns: 2_000 },
      );
    }
  });

  it('agrees on each string of each pattern, with strip characters inside', () => {
    for (const source of patterns.slice(0, 17)) {
      const check = checker(source);
      for (const a of expand(source)) {
        check(a);
        check(`-${a.toUpperCase()}-`);
        check(`-${a.toLowerCase()}-`);
        check(mixedCase(a, 1));
        for (let i = 1; i < a.length; i++) for (const s of ['\u00ad', '\u0301', '\u0e48']) check(`${a.slice(0, i)}${s}${a.slice(i)}`);
      }
    }
  });
});

describe('createQuickScanner case variants', () => {
  it('relates each unit of the pattern to its variants whatever their context (final sigma, dotless i, long s...)', () => {
    const cases: [string, string[]][] = [
      ['ΑΣ', ['ασ', 'ας', 'Ασ', 'ΑΣ.', 'xασx']],
      ['σα', ['ΣΑ', 'ςα', 'ϲα']],
      ['is', ['IS', 'ıs', 'iſ', 'İS', 'ﬁs']],
      ['k\u00e5', ['K\u00c5', '\u212a\u00e5', 'k\u212b']],
      ['\u0432\u043e', ['\u1c80\u1c82', '\u0412\u041e']],
      ['\u10d9\u10e0', ['\u1c99\u1ca0', '\u10b9\u10c0']],
    ];
    for (const [source, texts] of cases) {
      const check = checker(source);
      for (const t of texts) check(t);
    }
  });
});

describe('createQuickScanner options', () => {
  it('has no plan for what is not the quick syntax, and uses quickTest there', () => {
    for (const source of ['[ab]c', 'a.c', 'a+b', 'a*', 'a{2}', '\\u{1F600}', '\\d', '(?:a|)', 'a?', '^ab', '(ab)', '(?=a)b', 'a)', '(?:a', 'a\\']) {
      expect(quickScannerPlan(source), source).toBeNull();
    }
    expect(quickScannerPlan('(?:ab|c(?:d|ef))')).toMatchObject({ maxLen: 3, units: expect.any(String) });
  });

  it('gives the same answers with the plan as JSON (as the sentinel gets it)', () => {
    const scan = createQuickScanner(QUICK, { plan: JSON.stringify(quickScannerPlan(QUICK)), minLength: 0 });
    const quick = quickPattern(QUICK);
    for (const a of expand(QUICK)) {
      for (const t of [`x ${a} y`, `x ${a.toUpperCase().slice(0, -1)} y`, `${a.slice(0, 2)}\u00ad${a.slice(2)}`]) expect(scan(t), t).toBe(quickTest(t, quick));
    }
  });

  it('uses quickTest below minLength and the scanner from it, with the same answers', () => {
    // A plan that never finds anything shows which path answered.
    const never = { units: '', bits: [], start: 1, ends: [1, 1], maxLen: 1, grams: [] };
    const scan = createQuickScanner('crocus', { plan: never, minLength: 10 });
    expect(scan('a crocus')).toBe(true); // 8 units: quickTest
    expect(scan('a crocus!!')).toBe(false); // 10 units: the (broken) plan
    // Without a plan: quickTest on every text.
    expect(createQuickScanner('crocus', { minLength: 10 })('a crocus!!')).toBe(true);
    expect(QUICK_SCAN_MIN).toBeGreaterThan(100_000);
    // A short part of a long text (the sentinel reads long pages in parts) goes by the whole text's length.
    expect(scan.windows('a crocus', 4).windows).toHaveLength(1);
    expect(scan.windows('a crocus', 4, 8).windows).toHaveLength(1);
    expect(scan.windows('a crocus', 4, 10)).toEqual({ windows: [], complete: true });
  });

  it('agrees on texts of QUICK_SCAN_MIN units and more with the pack pattern\'s plan', () => {
    const scan = createQuickScanner(QUICK, { plan: quickScannerPlan(QUICK) });
    const quick = quickPattern(QUICK);
    const none = generatePage({ size: '1MB', chars: 1_000_000, mentions: 'none' }).html.replace(/<[^>]*>/g, ' ');
    const many = generatePage({ size: '1MB', chars: 1_000_000, mentions: 'many' }).html.replace(/<[^>]*>/g, ' ');
    expect(none.length).toBeGreaterThanOrEqual(QUICK_SCAN_MIN);
    const late = `${none}… Crocus City Hall`;
    const stripped = `${none} кро\u00adкус`;
    const marks = `${none.replace(/e/g, 'e\u0301')} moscow`;
    for (const text of [none, many, late, stripped, marks, `${stripped.slice(0, -1)}`]) expect(scan(text)).toBe(quickTest(text, quick));
    expect([none, late, stripped, marks].map(scan)).toEqual([false, true, true, true]);
  });
});

describe('what the scanner leaves behind', () => {
  it('does not keep the page\'s text as the subject of its last match (RegExp.input)', () => {
    const legacy = RegExp as unknown as { input: string };
    const text = `${'Local news about the budget. '.repeat(25_000)}Crocus City Hall`;
    const bySize = [createQuickScanner(QUICK, { plan: quickScannerPlan(QUICK) }), createQuickScanner(QUICK, { plan: quickScannerPlan(QUICK), minLength: Infinity })];
    for (const scan of bySize) {
      expect(scan.scans(text.length)).toBe(scan === bySize[0]);
      expect(scan.windows(text, 4).windows).toHaveLength(1);
      expect(legacy.input).not.toBe(text);
      expect(scan(text)).toBe(true);
      expect(legacy.input).not.toBe(text);
      expect(scan.stretch(text, 4, text.length - 1_000, text.length).windows).toHaveLength(1);
      expect(legacy.input).not.toBe(text);
    }
  });
});

describe('the plan\'s gram slots (the filter of the automaton\'s hits)', () => {
  const plan = quickScannerPlan(QUICK)!;
  const bitsOf = new Map([...plan.units].map((u, i) => [u, plan.bits[i] as number]));
  const slotOf = (gram: string) => gramSlot([...gram].reduce((hash, u) => hashUnit(hash, bitsOf.get(u) ?? 0), gram.length));
  const held = new Set(plan.grams);

  it('holds the first units of every alternative, in every case the RegExp accepts', () => {
    for (const a of expand(QUICK)) {
      const gram = a.slice(0, GRAM_MAX);
      for (const form of [gram, gram.toLowerCase(), gram.toUpperCase(), mixedCase(gram, 0), mixedCase(gram, 1)]) {
        expect(held.has(slotOf(form)), form).toBe(true);
      }
      // Every spelling unit by unit: each unit's case variants have its bits.
      for (const u of gram) for (const v of caseVariants(u)) expect(bitsOf.get(v), `${v} of ${u}`).toBe(bitsOf.get(u));
    }
  });

  it('turns away nearly every hit of the automaton on news text that names nothing', () => {
    // The groups of bits accept combinations of their grams' units ("easo", "sers" on this page): thousands per MB.
    const text = generatePage({ size: '1MB', chars: 1_000_000, mentions: 'none' }).html.replace(/<[^>]*>/g, ' ');
    let hits = 0;
    let passed = 0;
    for (let i = 0, d = 0; i < text.length; i++) {
      d = ((d << 1) | plan.start) & (bitsOf.get(text[i] as string) ?? 0);
      for (let k = 0; k < plan.ends.length; k += 2) {
        const length = plan.ends[k + 1] as number;
        if ((d & (plan.ends[k] as number)) === 0) continue;
        hits++;
        if (held.has(slotOf(text.slice(i - length + 1, i + 1)))) passed++;
      }
    }
    expect(hits).toBeGreaterThan(1_000);
    expect(passed).toBeLessThan(hits / 100);
  });
});

describe('the strip classes', () => {
  it('are read into the same ranges the classes match, and the uncased one lacks only U+0345', () => {
    const strip = new RegExp(QUICK_STRIP_CLASS);
    const uncased = new RegExp(UNCASED_STRIP_CLASS);
    const ranges = classRanges(QUICK_STRIP_CLASS);
    expect(ranges.length).toBeGreaterThan(20);
    for (let u = 0; u < 0x10000; u++) {
      const c = String.fromCharCode(u);
      const inRanges = ranges.some(([a, b]) => a <= u && u <= b);
      if (strip.test(c) !== inRanges) throw new Error(`U+${u.toString(16)}: class ${strip.test(c)}, ranges ${inRanges}`);
      if (uncased.test(c) !== (inRanges && c !== CASED_STRIP)) throw new Error(`U+${u.toString(16)} in the uncased class: ${uncased.test(c)}`);
    }
  });
});

describe('createQuickScanner windows', () => {
  it('reads strip characters case-insensitively without matching letters: only U+0345 has case variants, and it is left to a check of its own', () => {
    const cased = classRanges(QUICK_STRIP_CLASS).flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCharCode(a + i))).filter((u) => caseVariants(u).length > 1);
    expect(cased).toEqual([CASED_STRIP]);
    // Greek text is full of ι, U+0345's upper case: no piece for it.
    expect(createQuickScanner(QUICK).windows('Η ιστορία της πόλης και οι ιδιοκτήτες', 8)).toEqual({ windows: [], complete: true });
    expect(createQuickScanner(QUICK).windows('κροκ\u0345ους', 8).windows).toHaveLength(1);
  });

  const filler = (n: number) => 'The council met on Tuesday to discuss the budget. '.repeat(n);
  const quickAll = quickWindowsPattern(QUICK);

  it('cuts a piece around every match, on long texts from the scanner and on short ones from the RegExp', () => {
    const anchors = ['Crocus City Hall', 'кро\u00adкус', 'Красногорск', 'mosc\u0301ow', 'クロッカス', 'Mirzoyev'];
    const text = anchors.map((a, i) => `${filler(30)}[${i}] ${a} [/${i}]`).join('') + filler(30);
    for (const scan of [scannerOf(QUICK), createQuickScanner(QUICK)]) {
      const { windows, complete } = scan.windows(text, 64);
      expect(complete).toBe(true);
      expect(windows).toHaveLength(anchors.length);
      // (Short texts are read without their strip characters, as quickTest reads them.)
      const plain = (t: string) => t.replaceAll('\u00ad', '').replaceAll('\u0301', '');
      anchors.forEach((a, i) => expect(plain(windows[i]!), a).toContain(plain(`[${i}] ${a} [/${i}]`)));
      expect(windows.every((w) => w.length <= 600)).toBe(true);
    }
  });

  it('finds what quickWindows finds, and nothing where quickTest finds nothing', () => {
    const scan = scannerOf(QUICK);
    const quick = quickPattern(QUICK);
    const foldedAll = quickWindowsPattern(foldCase(QUICK) as string, true);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(filler(3), ' Moscow ', ' MOSKAU ', ' кро\u00adкус ', ' КРОКУС', ' concert', 'Krasno', 'gorsk ', '\u200b', 'x'), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const got = scan.windows(text, 64);
        const want = quickWindows(text, quickAll, 64);
        expect(got.windows.length > 0).toBe(quickTest(text, quick));
        expect(got.windows.length).toBe(want.windows.length);
        // The sentinel's RegExp: the case-folded pattern finds the same pieces.
        expect(quickWindows(text, foldedAll, 64)).toEqual(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('in groups by first units (the sentinel on a short page) finds the same pieces in any script', () => {
    const folded = foldCase(QUICK) as string;
    const { source, groups } = quickGroups(folded)!;
    expect(groups).toHaveLength(3);
    const whole = quickWindowsPattern(folded, true);
    const grouped = createQuickScanner(source, { folded: true, groups });
    const pieces = [filler(3), ' Moscow ', ' MOSCOU', ' кро\u00adкус ', ' Москва ', 'Крокус', ' موسكو ', ' کروکوس', ' 莫斯科 ', 'クロッカス', ' Μόσχα ', ' ΜΌΣΧΑ', 'ͅ', ' Krasno', 'gorsk ', '\u200b', 'x', 'ж', 'ß'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(grouped.windows(text, 64)).toEqual(quickWindows(text, whole, 64));
      }),
      { numRuns: 3000 },
    );
    // The same alternatives, regrouped; every text the pattern matches holds the first units of a group that does.
    expect(source.length).toBe(folded.length);
    expect(groups.map((g) => source.slice(g.from, g.to)).join('|')).toBe(source.slice(3, -1));
    for (const text of ['Moscow', 'москва', 'موسكو', '莫斯科', 'μόσχα']) {
      expect(new RegExp(source).test(text), text).toBe(true);
      expect(groups.some((g) => new RegExp(g.first).test(text) && new RegExp(groupSource(source, g)).test(text)), text).toBe(true);
    }
  });

  it('tests a text in stretches without cutting it: a name across a stretch end is found, and only what the whole text holds', () => {
    const anchors = ['Crocus City Hall', 'кро\u00adкус', 'Красногорск', 'mosc\u0301ow', 'クロッカス', 'Mirzoyev'];
    const text = anchors.map((a, i) => `${filler(3)}[${i}] ${a} [/${i}]`).join('') + filler(3);
    const plain = (t: string) => t.replaceAll('\u00ad', '').replaceAll('\u0301', '');
    const inStretches = (scan: ReturnType<typeof createQuickScanner>, t: string, size: number) => {
      const windows: string[] = [];
      for (let at = 0; at < t.length; at += size) windows.push(...scan.stretch(t, 64, at, at + size).windows);
      return windows;
    };
    // With the plan (the scanner) and without one (the RegExp over each stretch and the reach past it).
    for (const scan of [scannerOf(QUICK), createQuickScanner(QUICK)]) {
      for (const size of [1, 2, 3, 5, 11, 64, 1000, 100_000]) {
        const windows = inStretches(scan, text, size);
        anchors.forEach((a, i) => expect(windows.some((w) => plain(w).includes(plain(`[${i}] ${a} [/${i}]`))), `${a} in stretches of ${size}`).toBe(true));
      }
    }
    const quick = quickPattern(QUICK);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(filler(1), ' Moscow ', ' кро\u00adкус ', ' concert', 'Krasno', 'gorsk ', '\u200b', 'x'), { maxLength: 30 }),
        fc.integer({ min: 1, max: 80 }),
        (parts, size) => {
          const t = parts.join('');
          expect(inStretches(scannerOf(QUICK), t, size).length > 0).toBe(quickTest(t, quick));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('stops at `max` pieces and says so', () => {
    const text = Array.from({ length: 10 }, () => `${filler(20)}Moscow`).join('');
    expect(scannerOf(QUICK).windows(text, 4)).toMatchObject({ complete: false, windows: { length: 4 } });
    expect(scannerOf(QUICK).windows(filler(100), 4)).toEqual({ windows: [], complete: true });
  });
});

describe('quickGroups', () => {
  it('splits a folded pattern by the units its alternatives start with (Latin-1, Cyrillic, the rest), and declines what it does not read', () => {
    const grouped = quickGroups('(?:(?:[Кк]р|ы)о|[Mm][Oo]|莫斯|ab|\\(x)')!;
    expect(grouped.source).toBe('(?:[Mm][Oo]|ab|\\(x|(?:[Кк]р|ы)о|莫斯)');
    expect(grouped.groups.map((g) => [g.first, groupSource(grouped.source, g)])).toEqual([
      ['[\\u0028\\u004d\\u0061\\u006d]', '(?:[Mm][Oo]|ab|\\(x)'],
      // Beyond Latin-1, the units' 256-unit blocks (a few ranges read a text faster than many units).
      ['[\\u0400-\\u04ff]', '(?:(?:[Кк]р|ы)о)'],
      ['[\\u8300-\\u83ff]', '(?:莫斯)'],
    ]);
    // Adjacent blocks make one range: Armenian (U+05xx) and Arabic (U+06xx), not Hebrew's block twice.
    expect(quickGroups('(?:ab|Մո|מו|مو|ת)')!.groups[1]!.first).toBe('[\\u0500-\\u06ff]');
    // One group only, an optional or repeated first atom, ranges in a class, an unbalanced group: null.
    for (const source of ['(?:ab|cd)', '(?:a?b|ж)', '(?:a*b|ж)', '(?:(?:a)?b|ж)', '(?:[a-z]b|ж)', '(?:ab|ж', 'ab|ж', '(?:.b|ж)']) {
      expect(quickGroups(source), source).toBeNull();
    }
  });
});

describe('foldCase', () => {
  it('spells out for every unit of the pack pattern exactly the units the `i` flag relates to it', () => {
    const folded = foldCase(QUICK);
    expect(folded).not.toBeNull();
    expect(folded).not.toBe(QUICK);
    const units = [...new Set(expand(QUICK).join(''))];
    expect(units.length).toBeGreaterThan(300);
    for (const unit of units) {
      const one = foldCase(/[\\^$.*+?()[\]{}|/]/.test(unit) ? `\\${unit}` : unit) as string;
      const got = ALL_UNITS.match(new RegExp(one, 'g')) ?? [];
      expect(new Set(got), unit).toEqual(new Set(caseVariants(unit)));
    }
  });

  it('keeps the syntax and spells letters as classes', () => {
    expect(foldCase('(?:ab|c\\.)?x')).toBe('(?:[Aa][Bb]|[Cc]\\.)?[Xx]');
    // No case: kept as is. Long s and dotless i stay out of s and i without the `u` flag.
    expect(foldCase('莫斯科')).toBe('莫斯科');
    expect(foldCase('s')).toBe('[Ss]');
    expect(foldCase('σ')).toBe('[Σςσ]');
  });

  it('declines what it cannot fold: classes, quantifiers, escapes with case, code-point escapes', () => {
    for (const source of ['[ab]c', 'a.c', 'a+b', 'a*', 'a{2}', '\\u0041', '\\w', '\\u{1F600}a', '^a', 'a\\']) expect(foldCase(source), source).toBeNull();
  });
});
