// Words for questionnaire results: the date a response was answered on, a score's change since the one
// before (stated as it is: higher scores mean more symptoms on these scales), and a band's or subscale's
// name in the reader's language (by its code; the definition's English label when a code has no message).
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';

export function answeredOn(iso: string, timeZone: string, locale: Locale = 'en') {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : intlLocale(locale), { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

export function changeText(change: number | null, locale: Locale = 'en') {
  const t = translator(locale, 'questionnaires');
  if (change === null) return t('change.first');
  if (change === 0) return t('change.same');
  return t('change.since', { sign: change > 0 ? '+' : '−', change: Math.abs(change) });
}

type Messages = ReturnType<typeof translator<'questionnaires'>>;
type BandKey = Parameters<Messages>[0] & `bands.${string}`;

/** The band's label ("Mild") of questionnaire `code`, translated; `fallback` (the English label) if unknown. */
export function bandLabel(locale: Locale, code: string, band: string, fallback: string): string {
  const t = translator(locale, 'questionnaires');
  const key = `bands.${code}.${band}.label` as BandKey;
  return t.has(key) ? t(key) : fallback;
}

/** The result in plain words, as lib/questionnaires/score.ts's resultSentence writes it in English. */
export function resultText(locale: Locale, code: string, band: string, fallback: string): string {
  const t = translator(locale, 'questionnaires');
  const key = `bands.${code}.${band}.describes` as BandKey;
  return t.has(key) ? t('result.summary', { describes: t(key) }) : fallback;
}

/** A subscale's title ("Anxiety (GAD-2)"), translated; the definition's English title if unknown. */
export function subscaleTitle(locale: Locale, code: string, subscale: string, fallback: string): string {
  const t = translator(locale, 'questionnaires');
  const key = `subscales.${code}.${subscale}` as Parameters<Messages>[0];
  return t.has(key) ? t(key) : fallback;
}
