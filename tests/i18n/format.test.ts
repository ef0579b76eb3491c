// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatNumber } from '../../lib/i18n/format';

describe('formatNumber', () => {
  it('writes numbers as each language does, the same on every call', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(145, 'en')).toBe('145');
    // Russian groups digits with a (narrow) no-break space.
    expect(formatNumber(1234567, 'ru')).toMatch(/^1\s234\s567$/u);
    expect(formatNumber(551, 'ru')).toBe('551');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
  });

  it('falls back to plain digits for a language tag Intl rejects', () => {
    expect(formatNumber(1234, 'not a tag!')).toBe('1234');
    expect(formatNumber(99, 'not a tag!')).toBe('99');
  });
});

describe('formatIsoDate', () => {
  it('shows a date at the precision it has, never an invented day', () => {
    expect(formatIsoDate('2024-03-22', 'en')).toBe('March 22, 2024');
    expect(formatIsoDate('2024-03-22', 'en-GB')).toBe('22 March 2024');
    expect(formatIsoDate('2024-03', 'en')).toBe('March 2024');
    expect(formatIsoDate('2024', 'en')).toBe('2024');
    expect(formatIsoDate('soon', 'en')).toBe('soon');
  });
});
