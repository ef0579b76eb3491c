// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PatternSet, namePatterns, termPattern } from '../../lib/claims/patterns';
import { phoneticKeys, tokenize } from '../../lib/claims/text';

function finds(patterns: string[], text: string): boolean {
  return new PatternSet(patterns).find(text, tokenize(text)).length > 0;
}

describe('term patterns', () => {
  it('match stems by prefix and phrases word by word', () => {
    const p = [termPattern('координир*')];
    expect(finds(p, 'Теракт координировали через интернет')).toBe(true);
    expect(finds(p, 'координация')).toBe(false);
    expect(finds([termPattern('duty to warn')], 'a Duty-to-warn policy')).toBe(true);
    expect(finds([termPattern('duty to warn')], 'duty. To warn')).toBe(false);
  });

  it('fold case and diacritics, and keep Ukrainian apostrophes inside words', () => {
    expect(finds([termPattern('einschuchter*')], 'Einschüchterung')).toBe(true);
    expect(finds([termPattern("обов'яз* попере*")], 'мали обов’язок попередити')).toBe(true);
    expect(finds([termPattern('1.5 hours')], 'for 1.5 hours')).toBe(true);
    expect(finds([termPattern('19:58')], 'at 19:58 Moscow time')).toBe(true);
  });
});

describe('name patterns', () => {
  it('allow Cyrillic inflection of names', () => {
    const p = namePatterns('Бортников', true);
    expect(finds(p, 'По словам Бортникова')).toBe(true);
    expect(finds(p, 'с Бортниковым')).toBe(true);
    expect(finds(namePatterns('Мария Захарова', true), 'Марии Захаровой')).toBe(true);
  });

  it('match short acronyms case-sensitively and capitalised names only when capitalised', () => {
    expect(finds(namePatterns('IS', false), 'the IS claim')).toBe(true);
    expect(finds(namePatterns('IS', false), 'it is true')).toBe(false);
    expect(finds(namePatterns('Hunt', true), 'the hunt for the gunmen')).toBe(false);
    expect(finds(namePatterns('Hunt', true), 'Hunt said')).toBe(true);
    expect(finds(namePatterns('U.S.', false), 'U.S. officials')).toBe(true);
  });

  it('match one-word person names across Latin transliterations', () => {
    const zakharova = namePatterns('Zakharova', true);
    for (const form of ['Sacharowa', 'Zajárova', 'Zakharova']) expect(finds(zakharova, `${form} sagte`)).toBe(true);
    expect(finds(namePatterns('Patrushev', true), 'Patruschew')).toBe(true);
    expect(finds(namePatterns('Patrushev', true), 'Patrouchev')).toBe(true);
    expect(finds(namePatterns('Naryshkin', true), 'Narychkine')).toBe(true);
    expect(finds(namePatterns('Podolyak', true), 'Podoljak')).toBe(true);
    expect(finds(namePatterns('Peskov', true), 'Peskows')).toBe(true);
    expect(phoneticKeys('selenskyj')).toContain(phoneticKeys('zelensky')[0]);
  });

  it('allow German adjective endings inside longer names', () => {
    expect(finds(namePatterns('Islamischer Staat', false), 'der Islamische Staat')).toBe(true);
  });
});
