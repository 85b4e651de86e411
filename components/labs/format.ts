// How a lab result reads on a page: the value in its unit and its reference range (lib/format/labs.ts has
// the value and name, shared with the clinic report), in the reader's language and digits (English when
// not given).
import { localDigits } from '@/lib/format/health';
import { labUnitLabel } from '@/lib/format/labs';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
export { formatLabValue, gmiCoverageNote, labName, labUnitLabel } from '@/lib/format/labs';

export function describeRange(range: { low: number | null; high: number | null } | null, unit: string, locale: Locale = 'en'): string | null {
  if (!range) return null;
  const t = translator(locale, 'labs');
  const u = labUnitLabel(unit);
  const suffix = u ? ` ${u}` : '';
  const n = (x: number) => localDigits(String(x), locale);
  if (range.low !== null && range.high !== null) return t('range.between', { low: n(range.low), high: n(range.high), unit: suffix });
  if (range.low !== null) return t('range.atLeast', { low: n(range.low), unit: suffix });
  if (range.high !== null) return t('range.atMost', { high: n(range.high), unit: suffix });
  return null;
}

