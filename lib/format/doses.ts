// How insulin doses and carbohydrates read, on the patient's timeline and the doctor's page: "4.5 U bolus",
// "SMB 0.3 U", "Temp basal 0.8 U over 30 min", "45 g carbs", in the reader's language (`doses` messages) and
// digits. A dose whose kind the source did not say is "insulin", never guessed to be a bolus.
import type { Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { roundTo } from '../health/precision';
import { numberLocale } from './health';

const KINDS = ['bolus', 'correction', 'smb', 'temp_basal', 'basal'] as const;
type Kind = (typeof KINDS)[number];
const isKind = (kind: string | null): kind is Kind => (KINDS as readonly (string | null)[]).includes(kind);

const number = (n: number, locale: Locale, maximumFractionDigits = 0) =>
  new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits }).format(n);

/** Units as a pump states them: up to 2 decimals, no trailing zeros (0.05 U steps stay exact). */
export function formatUnits(units: number, locale: Locale = 'en'): string {
  return translator(locale, 'doses')('units', { amount: number(roundTo(units, 2), locale, 2) });
}

export function formatGrams(grams: number, locale: Locale = 'en'): string {
  return translator(locale, 'doses')('grams', { amount: number(roundTo(grams, 0), locale) });
}

/** "30 min", "1 h 30 min", "24 h". */
export function formatDuration(ms: number, locale: Locale = 'en'): string {
  const t = translator(locale, 'doses');
  const minutes = Math.round(ms / 60_000);
  const h = number(Math.floor(minutes / 60), locale);
  const m = number(minutes % 60, locale);
  return minutes < 60 ? t('minutes', { m }) : minutes % 60 === 0 ? t('hours', { h }) : t('hoursMinutes', { h, m });
}

export function insulinKindLabel(kind: string | null, locale: Locale = 'en'): string {
  return translator(locale, 'doses')(`kinds.${isKind(kind) ? kind : 'insulin'}`);
}

/** One dose as a line: the interval is named when the delivery ran over one (temp basal, extended bolus). */
export function describeInsulin(dose: { value: number; insulinKind: string | null; at: string; endAt: string | null }, locale: Locale = 'en'): string {
  const t = translator(locale, 'doses');
  const values = { amount: formatUnits(dose.value, locale), kind: insulinKindLabel(dose.insulinKind, locale) };
  // Pumps name a basal or an SMB before its amount, a bolus after it.
  const kindFirst = dose.insulinKind === 'smb' || dose.insulinKind === 'temp_basal' || dose.insulinKind === 'basal';
  const text = t(kindFirst ? 'kindFirst' : 'amountFirst', values);
  return dose.endAt ? t('over', { dose: text, duration: formatDuration(Date.parse(dose.endAt) - Date.parse(dose.at), locale) }) : text;
}

export function describeCarbs(grams: number, locale: Locale = 'en'): string {
  return translator(locale, 'doses')('carbs', { grams: formatGrams(grams, locale) });
}
