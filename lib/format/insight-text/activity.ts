// Week-on-week steps in words.
import { formatCount, roundTo } from '@/lib/pipeline/insights/format';
import { byAudience, readNumbers, type InsightReader, type InsightText } from './reader';

export function activityText(data: unknown, reader: InsightReader): InsightText | null {
  const d = readNumbers(data, ['thisWeek', 'baselineWeekly', 'changePercent', 'thisWeekDays']);
  if (!d) return null;
  const drop = d.changePercent < 0;
  const more = drop ? 'less' : 'more';
  const estimated = d.thisWeekDays < 7 ? ` (estimated from the ${d.thisWeekDays} days with data)` : '';
  const change = `${Math.abs(roundTo(d.changePercent, 0))} % ${drop ? 'fewer' : 'more'}`;
  const usual = byAudience(reader, { patient: 'your usual', caregiver: (name) => `${name}’s usual`, doctor: 'the usual' });
  return {
    title: byAudience(reader, {
      patient: `You have been ${more} active this week`,
      caregiver: (name) => `${name} has been ${more} active this week`,
      doctor: `${drop ? 'Less' : 'More'} active this week`,
    }),
    body: `About ${formatCount(d.thisWeek)} steps this week${estimated}, ${change} than ${usual} ${formatCount(d.baselineWeekly)} a week over the previous 4 weeks.`,
  };
}
