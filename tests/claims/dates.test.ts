// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findDates } from '../../lib/claims/dates';
import { tokenize } from '../../lib/claims/text';

const dates = (text: string) => findDates(text, tokenize(text));

describe('findDates', () => {
  it('reads day and month in many languages', () => {
    expect(dates('On 24 May Bortnikov spoke')).toEqual([{ m: 5, d: 24 }]);
    expect(dates('on May 24, 2024')).toEqual([{ m: 5, d: 24, y: 2024 }]);
    expect(dates('24 мая Бортников')).toEqual([{ m: 5, d: 24 }]);
    expect(dates('24 травня 2024 року')).toEqual([{ m: 5, d: 24, y: 2024 }]);
    expect(dates('am 24. Mai')).toEqual([{ m: 5, d: 24 }]);
    expect(dates('le 22 mars 2024')).toEqual([{ m: 3, d: 22, y: 2024 }]);
    expect(dates('el 7 de marzo de 2024')).toEqual([{ m: 3, d: 7, y: 2024 }]);
    expect(dates('the 22nd of March')).toEqual([{ m: 3, d: 22 }]);
  });

  it('reads numeric dates, months and years', () => {
    expect(dates('date 2024-05-24 On Friday')).toEqual([{ y: 2024, m: 5, d: 24 }]);
    expect(dates('am 24.05.2024')).toEqual([{ y: 2024, m: 5, d: 24 }]);
    expect(dates('in October')).toEqual([{ m: 10 }]);
    expect(dates('в октябре 2024 года')).toEqual([{ m: 10, y: 2024 }]);
    expect(dates('в 2025 году')).toEqual([{ y: 2025 }]);
  });

  it('does not take the modal "may" or the verb "march" for a month', () => {
    expect(dates('data that may indicate a link')).toEqual([]);
    expect(dates('they march on')).toEqual([]);
    expect(dates('in May 2024')).toEqual([{ m: 5, y: 2024 }]);
  });
});
