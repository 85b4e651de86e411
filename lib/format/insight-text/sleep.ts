// Short sleep in words.
import { formatMinutes } from '@/lib/pipeline/insights/format';
import { SLEEP_WINDOW_DAYS } from '@/lib/pipeline/insights/sleep-deficit';
import { byAudience, readNumbers, type InsightReader, type InsightText } from './reader';

export function sleepText(data: unknown, reader: InsightReader): InsightText | null {
  const d = readNumbers(data, ['averageMinutes', 'nights']);
  if (!d) return null;
  const hours = d.averageMinutes < 300 ? 5 : 6;
  const average = formatMinutes(d.averageMinutes);
  const period = `over the last ${SLEEP_WINDOW_DAYS} days (${d.nights} nights tracked)`;
  return {
    title: byAudience(reader, {
      patient: `You have been sleeping less than ${hours} hours`,
      caregiver: (name) => `${name} has been sleeping less than ${hours} hours`,
      doctor: `Sleeping less than ${hours} hours a night`,
    }),
    body: byAudience(reader, {
      patient: `You slept ${average} a night on average ${period}. Most adults need 7 hours or more.`,
      caregiver: (name) => `${name} slept ${average} a night on average ${period}. Most adults need 7 hours or more.`,
      doctor: `Average ${average} asleep a night ${period}; adults need 7 hours or more.`,
    }),
  };
}
