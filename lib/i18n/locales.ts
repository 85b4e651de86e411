// The languages Pulse speaks (the ProCare design: English and six Indian languages), how each is named
// in its own script, and which one a browser asks for. URLs carry no locale: a link or a share reads the
// same whoever opens it; the reader's language comes from their preference, else a cookie the language
// switcher sets, else the browser's Accept-Language.
export const LOCALES = ['en', 'hi', 'ta', 'te', 'bn', 'mr', 'gu'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The cookie the switcher writes for pages seen before signing in (and that sign-up then keeps). */
export const LOCALE_COOKIE = 'pulse-locale';

/** Each language in its own script, as a switcher lists them. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  hi: 'हिन्दी',
  ta: 'தமிழ்',
  te: 'తెలుగు',
  bn: 'বাংলা',
  mr: 'मराठी',
  gu: 'ગુજરાતી',
};

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/**
 * The tag Intl formats with. The Indian languages are formatted as written in India (CLDR's conventions:
 * lakh grouping 1,23,456; Bengali and Marathi write their own digits, the others Latin ones); English
 * keeps Intl's plain English (a doctor abroad reads 123,456).
 */
export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en' : `${locale}-IN`;
}

/**
 * The best of our languages for an Accept-Language header (RFC 9110: tags with q-values, `*`), by
 * primary subtag ("ta-IN" → ta); English when nothing matches.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const wanted = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((w) => w.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return wanted.map((w) => w.language).find(isLocale) ?? DEFAULT_LOCALE;
}

/** What a request not signed in reads in: the switcher's cookie, else Accept-Language. */
export function requestLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  return isLocale(cookie) ? cookie : negotiateLocale(acceptLanguage);
}
