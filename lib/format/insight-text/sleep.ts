// Short sleep in words.
import { formatMinutes } from '@/lib/pipeline/insights/format';
import { SLEEP_WINDOW_DAYS } from '@/lib/pipeline/insights/sleep-deficit';
import { localDigits } from '../health';
import { audienceValues, insightT, localeOf, readNumbers, type InsightReader, type InsightText } from './reader';

export function sleepText(data: unknown, reader: InsightReader): InsightText | null {
  const d = readNumbers(data, ['averageMinutes', 'nights']);
  if (!d) return null;
  const t = insightT(reader);
  const values = { ...audienceValues(reader), hours: d.averageMinutes < 300 ? 5 : 6 } as { name: string; hours: number };
  // "5 h 59 min": h and min stay symbols in every language, the digits are the locale's.
  const average = localDigits(formatMinutes(d.averageMinutes), localeOf(reader));
  return {
    title: t(`sleep.title.${reader.audience}`, values),
    body: t(`sleep.body.${reader.audience}`, { ...values, average, days: SLEEP_WINDOW_DAYS, nights: d.nights }),
  };
}
