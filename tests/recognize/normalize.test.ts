// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize, normalizeText, originalRange } from '../../lib/recognize/normalize';

/** The original text behind the normalized range where `needle` (in matching form) occurs. */
function back(input: string, needle: string): string {
  const n = normalize(input);
  const at = n.text.indexOf(needle);
  expect(at, `"${needle}" in "${n.text}"`).toBeGreaterThanOrEqual(0);
  const [a, b] = originalRange(n, at, at + needle.length);
  return input.slice(a, b);
}

describe('normalize: matching form', () => {
  it.each([
    ['case', 'CROCUS City HALL', 'crocus city hall'],
    ['NFKC compatibility (fullwidth, ligatures)', 'Ｃｒｏｃｕｓ ﬁre', 'crocus fire'],
    ['NFC vs NFD', 'Cr\u00f3cus / Cro\u0301cus', 'crocus / crocus'],
    ['diacritics', 'Moscú Krasznogorszkban Tadžikistán Dövləti', 'moscu krasznogorszkban tadzikistan dovləti'],
    ['ё/е and й', 'Воробьёв Воробьев Сергей', 'воробьев воробьев сергеи'],
    ['Ukrainian/Belarusian letters', 'Сіті Холі Київ Єва ґанок Беларусь ў', 'сити холи киив ева ганок беларусь у'],
    ['Central Asian Cyrillic', 'Ҳолл Тоҷикистон Мәскеу қала өмір ұлт', 'холл точикистон маскеу кала омир улт'],
    ['Turkish dotted/dotless i', 'İSTANBUL ışık IŞİD', 'istanbul isik isid'],
    ['ß, ł, ø, æ', 'Straße Łódź Ørsted Æsir', 'strasse lodz orsted aesir'],
    ['Greek accents and final sigma', 'Κρόκους Σίτι Χολ', 'κροκουσ σιτι χολ'],
    ['Arabic letter forms and harakat', 'أعماق إيران كُرُوكُوس قاعة', 'اعماق ايران كروكوس قاعه'],
    ['Persian/Urdu letters onto Arabic', 'کروکوس سیتی ہال', 'كروكوس سيتي هال'],
    ['Hebrew points', 'קְרוֹקוּס', 'קרוקוס'],
    ['Thai tone marks', 'ซิตี้ ฮอลล์', 'ซิตีฮอลล'],
    ['Devanagari nukta', 'ज़ेलेंस्की', 'जेलेंस्की'],
    ['non-ASCII digits', '۱۴۵ ১৪৩ ١٤٤', '145 143 144'],
  ])('%s', (_label, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('unifies apostrophes and dashes', () => {
    expect(normalizeText('Hall’de Hallʼdagi Hall`de Hall\u02BBda Oʻzbek')).toBe("hall'de hall'dagi hall'de hall'da o'zbek");
    expect(normalizeText('Крокус‐Сити–холл — IS‑K − x')).toBe('крокус-сити-холл - is-k - x');
  });

  it('removes quotes, keeping a space only between letters', () => {
    expect(normalizeText('«Крокус Сити Холле»')).toBe('крокус сити холле');
    expect(normalizeText('„Crocus City Hall“-ի')).toBe('crocus city hall-ի');
    expect(normalizeText('"Крокус"Сити')).toBe('крокус сити');
    expect(normalizeText('「クロッカス」で')).toBe('クロッカスで');
  });

  it('drops soft hyphens, zero-width and bidi characters', () => {
    expect(normalizeText('Cro\u00ADcus\u200B City\u200D Hall\u200E\uFEFF')).toBe('crocus city hall');
    expect(normalizeText('Kra\u2060snogorsk')).toBe('krasnogorsk');
  });

  it('collapses whitespace incl. no-break and ideographic spaces', () => {
    expect(normalizeText('  Crocus\u00A0\u00A0City\u202FHall\t\n\u3000x ')).toBe('crocus city hall x');
  });

  it('removes spaces and name dots between letters of unspaced scripts only', () => {
    expect(normalizeText('クロッカス・シティ・ホール')).toBe('クロッカスシティホール');
    expect(normalizeText('크로커스 시티 홀에서')).toBe('크로커스시티홀에서');
    expect(normalizeText('亚历山大·博尔特尼科夫')).toBe('亚历山大博尔特尼科夫');
    expect(normalizeText('คร็อคคัส ซิตี้')).toBe('ครอคคัสซิตี');
    expect(normalizeText('ISIS 恐怖')).toBe('isis 恐怖');
  });

  it('maps Latin/Cyrillic look-alikes inside mixed words to the majority script', () => {
    // "Сrocus" with a Cyrillic С, "Крокуc" with a Latin c.
    expect(normalizeText('\u0421rocus')).toBe('crocus');
    expect(normalizeText('Крокуc')).toBe('крокус');
    // Words in one script are left alone.
    expect(normalizeText('Crocus Крокус')).toBe('crocus крокус');
  });
});

describe('normalize: offsets back into the original', () => {
  it('maps through every kind of change', () => {
    expect(back('Death toll at Cro\u00ADcus City\u00A0Hall rises', 'crocus city hall')).toBe('Cro\u00ADcus City\u00A0Hall');
    expect(back('в «Крокус Сити Холле» вчера', 'крокус сити холле')).toBe('Крокус Сити Холле');
    expect(back('Воору\u0301жённые люди', 'вооруженные')).toBe('Воору\u0301жённые');
    expect(back('Cro\u0301cus', 'crocus')).toBe('Cro\u0301cus');
    expect(back('STRAßE', 'strasse')).toBe('STRAß' + 'E');
    expect(back('x Ｃｒｏｃｕｓ y', 'crocus')).toBe('Ｃｒｏｃｕｓ');
    expect(back('クロッカス・シティ・ホールで', 'クロッカスシティホール')).toBe('クロッカス・シティ・ホール');
    expect(back('a 𠀋𠀋 b', '𠀋𠀋')).toBe('𠀋𠀋');
  });

  it('keeps start/end monotone and inside the input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const n = normalize(s);
        if (n.start.length !== n.text.length || n.end.length !== n.text.length) return false;
        for (let i = 0; i < n.text.length; i++) {
          const a = n.start[i] as number;
          const b = n.end[i] as number;
          if (a < 0 || b > s.length || a >= b) return false;
          if (i > 0 && a < (n.start[i - 1] as number)) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent on its own output (property)', () => {
    // Found by this property: "㍘" folds to "0点", which ends in a Han letter, as "⻳" (龟) begins with one.
    for (const s of ['㍘ ⻳', '㍘ 龟', '點 ㍘']) expect(normalizeText(normalizeText(s)), s).toBe(normalizeText(s));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
