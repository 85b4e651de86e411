// Medication adherence in words. Doctors get the breakdown (late, missed, skipped) in one line.
import type { InsightSeverity } from '@/lib/pipeline/insights';
import { byAudience, formatPercent, readNumbers, type InsightReader, type InsightText } from './reader';

const KEYS = ['adherence7d', 'adherence30d', 'scheduled7d', 'taken7d', 'takenLate7d', 'missed7d', 'skipped7d', 'scheduled30d', 'taken30d', 'takenLate30d'] as const;

const TITLES: Record<InsightSeverity, string> = {
  HIGH: 'Many doses were missed this week',
  MEDIUM: 'Some doses were missed this week',
  LOW: 'Some doses were missed this week',
  INFO: 'Medication on track this week',
};

export function medicationText(severity: InsightSeverity, data: unknown, reader: InsightReader): InsightText | null {
  const d = readNumbers(data, KEYS);
  if (!d) return null;
  const week = `${d.taken7d + d.takenLate7d} of ${d.scheduled7d}`;
  const month = `${d.taken30d + d.takenLate30d} of ${d.scheduled30d}`;
  const counts = `${week} scheduled doses in the last 7 days (${formatPercent(d.adherence7d)}) and ${month} in the last 30 days (${formatPercent(d.adherence30d)}).`;
  const breakdown = ([[d.takenLate7d, 'taken late'], [d.missed7d, 'missed'], [d.skipped7d, 'skipped']] as const)
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(', ');
  const weekDetail = breakdown ? `${formatPercent(d.adherence7d)}; ${breakdown}` : formatPercent(d.adherence7d);
  return {
    title: TITLES[severity],
    body: byAudience(reader, {
      patient: `You took ${counts}`,
      caregiver: (name) => `${name} took ${counts}`,
      doctor: `${week} scheduled doses taken in the last 7 days (${weekDetail}) and ${month} in the last 30 days (${formatPercent(d.adherence30d)}).`,
    }),
  };
}
