// Resting heart rate trend in words. The advice after a steep rise (the rule's HIGH) fits the reader:
// the patient is pointed to their doctor, a doctor is given the usual causes.
import type { InsightSeverity } from '@/lib/pipeline/insights';
import { RESTING_HR_WINDOW_DAYS } from '@/lib/pipeline/insights/resting-hr-trend';
import { numberLocale } from '../health';
import { audienceValues, insightT, localeOf, readNumbers, type InsightReader, type InsightText } from './reader';

export function restingHrText(severity: InsightSeverity, data: unknown, reader: InsightReader): InsightText | null {
  const d = readNumbers(data, ['changePerWeek', 'days']);
  if (!d) return null;
  const t = insightT(reader);
  const rising = d.changePerWeek > 0;
  // One decimal as toFixed(1) gave, in the reader's digits.
  const change = new Intl.NumberFormat(numberLocale(localeOf(reader)), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(d.changePerWeek));
  const body = t('restingHr.body', { direction: rising ? 'up' : 'down', change, window: RESTING_HR_WINDOW_DAYS, days: d.days });
  const advice = rising && severity === 'HIGH' ? t(`restingHr.advice.${reader.audience}`, audienceValues(reader) as { name: string }) : '';
  return {
    title: rising ? t('restingHr.rising') : t('restingHr.falling'),
    body: advice ? `${body} ${advice}` : body,
  };
}
