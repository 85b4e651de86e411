// Week-on-week steps in words.
import { roundTo } from '@/lib/pipeline/insights/format';
import { audienceValues, formatCountIn, formatPercent, insightT, localeOf, readNumbers, type InsightReader, type InsightText } from './reader';

export function activityText(data: unknown, reader: InsightReader): InsightText | null {
  const d = readNumbers(data, ['thisWeek', 'baselineWeekly', 'changePercent', 'thisWeekDays']);
  if (!d) return null;
  const t = insightT(reader);
  const locale = localeOf(reader);
  const direction = d.changePercent < 0 ? 'less' : 'more';
  const values = audienceValues(reader);
  return {
    title: t(`activity.title.${reader.audience}`, { ...values, direction } as { name: string; direction: string }),
    body: t(`activity.body.${reader.audience}`, {
      ...values,
      direction,
      steps: formatCountIn(d.thisWeek, locale),
      estimated: d.thisWeekDays < 7 ? t('activity.estimated', { days: d.thisWeekDays }) : '',
      percent: formatPercent(Math.abs(roundTo(d.changePercent, 0)), locale),
      usual: formatCountIn(d.baselineWeekly, locale),
    } as { name: string; direction: string; steps: string; estimated: string; percent: string; usual: string }),
  };
}
