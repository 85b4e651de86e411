import { describe, expect, it } from 'vitest';
import { intlLocale, negotiateLocale } from './locales';

describe('negotiateLocale', () => {
  it('picks the best-weighted language we speak, by primary subtag', () => {
    expect(negotiateLocale('ta-IN,ta;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ta');
    expect(negotiateLocale('fr-FR,fr;q=0.9,hi;q=0.8,en;q=0.5')).toBe('hi');
    expect(negotiateLocale('en;q=0.4, bn;q=0.6')).toBe('bn');
    expect(negotiateLocale('GU')).toBe('gu');
  });

  it('falls back to English for nothing, nothing we speak, a wildcard or q=0', () => {
    expect(negotiateLocale(null)).toBe('en');
    expect(negotiateLocale('')).toBe('en');
    expect(negotiateLocale('de-DE,fr;q=0.5')).toBe('en');
    expect(negotiateLocale('*')).toBe('en');
    expect(negotiateLocale('ta;q=0, mr;q=nonsense')).toBe('en');
  });
});

describe('intlLocale', () => {
  it('formats Indian languages as written in India: lakh grouping, native digits where CLDR uses them', () => {
    const format = (locale: Parameters<typeof intlLocale>[0]) => new Intl.NumberFormat(intlLocale(locale)).format(123456);
    expect(format('en')).toBe('123,456');
    expect(format('hi')).toBe('1,23,456');
    expect(format('ta')).toBe('1,23,456');
    expect(format('gu')).toBe('1,23,456');
    expect(format('mr')).toBe('१,२३,४५६');
    expect(format('bn')).toBe('১,২৩,৪৫৬');
  });
});
