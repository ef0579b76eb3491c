// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/claims/sentences';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits Latin and Cyrillic text on . ! ? and keeps offsets', () => {
    const text = 'Bortnikov spoke on Friday. He said more. Was it true? Yes!';
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Bortnikov spoke on Friday.', 'He said more.', 'Was it true?', 'Yes!']);
    expect(split('Бортников выступил в Бишкеке. По его словам, всё ясно.')).toEqual(['Бортников выступил в Бишкеке.', 'По его словам, всё ясно.']);
  });

  it('does not split on abbreviations, initials, U.S. or decimal numbers', () => {
    expect(split('Mr. Peskov said the U.S. officials were wrong about 1.5 hours.')).toHaveLength(1);
    expect(split('FSB chief A. Bortnikov said so. Dr. Smith agreed.')).toEqual(['FSB chief A. Bortnikov said so.', 'Dr. Smith agreed.']);
    expect(split('В 2024 г. директор ФСБ А. Бортников выступил. Затем т. е. позже.')).toEqual([
      'В 2024 г. директор ФСБ А. Бортников выступил.',
      'Затем т. е. позже.',
    ]);
    expect(split('Los EE.UU. dijeron algo. El Kremlin no.')).toEqual(['Los EE.UU. dijeron algo.', 'El Kremlin no.']);
    expect(split('Die Zahl stieg auf 24.05.2024 an. Dann nicht.')).toHaveLength(2);
  });

  it('does not split a German ordinal day before a month', () => {
    expect(split('Bortnikow sagte am 24. Mai in Bischkek, die Täter seien gekommen. Danach nichts.')).toEqual([
      'Bortnikow sagte am 24. Mai in Bischkek, die Täter seien gekommen.',
      'Danach nichts.',
    ]);
  });

  it('keeps quotations with inner punctuation in one sentence', () => {
    expect(split('«Почему?» — спросил он. Ответа не было.')).toEqual(['«Почему?» — спросил он.', 'Ответа не было.']);
    expect(split('“It was not IS.” Simonyan wrote this.')).toEqual(['“It was not IS.”', 'Simonyan wrote this.']);
    expect(split('Kirby called it "nonsense and ... propaganda" on Thursday.')).toHaveLength(1);
  });

  it('splits CJK, Arabic and Devanagari sentences', () => {
    expect(split('普京发表讲话。他说了很多！真的吗？')).toEqual(['普京发表讲话。', '他说了很多！', '真的吗？']);
    expect(split('هل قال بوتين ذلك؟ نعم قال.')).toEqual(['هل قال بوتين ذلك؟', 'نعم قال.']);
    expect(split('पुतिन ने कहा। उन्होंने और कहा।')).toEqual(['पुतिन ने कहा।', 'उन्होंने और कहा।']);
  });

  it('splits on line breaks and skips empty or punctuation-only pieces', () => {
    expect(split('Headline\nFirst sentence. Second.\n\n---\n')).toEqual(['Headline', 'First sentence.', 'Second.']);
    expect(splitSentences('')).toEqual([]);
  });
});
