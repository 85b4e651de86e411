// Medication adherence in words. Doctors get the breakdown (late, missed, skipped) in one line.
import type { InsightSeverity } from '@/lib/pipeline/insights';
import { audienceValues, formatPercent, insightT, localeOf, readNumbers, type InsightReader, type InsightText } from './reader';

const KEYS = ['adherence7d', 'adherence30d', 'scheduled7d', 'taken7d', 'takenLate7d', 'missed7d', 'skipped7d', 'scheduled30d', 'taken30d', 'takenLate30d'] as const;

const TITLES = { HIGH: 'many', MEDIUM: 'some', LOW: 'some', INFO: 'onTrack' } as const satisfies Record<InsightSeverity, string>;

export function medicationText(severity: InsightSeverity, data: unknown, reader: InsightReader): InsightText | null {
  const d = readNumbers(data, KEYS);
  if (!d) return null;
  const t = insightT(reader);
  const locale = localeOf(reader);
  const percent = formatPercent(d.adherence7d, locale);
  const breakdown = ([[d.takenLate7d, 'takenLate'], [d.missed7d, 'missed'], [d.skipped7d, 'skipped']] as const)
    .filter(([n]) => n > 0)
    .map(([count, what]) => t(`medication.${what}`, { count }))
    .join(', ');
  const values = {
    ...audienceValues(reader),
    week: d.taken7d + d.takenLate7d,
    scheduled: d.scheduled7d,
    month: d.taken30d + d.takenLate30d,
    scheduledMonth: d.scheduled30d,
    percent,
    percentMonth: formatPercent(d.adherence30d, locale),
    detail: breakdown ? t('medication.detail', { percent, breakdown }) : percent,
  } as { name: string; week: number; scheduled: number; month: number; scheduledMonth: number; percent: string; percentMonth: string; detail: string };
  return { title: t(`medication.title.${TITLES[severity]}`), body: t(`medication.body.${reader.audience}`, values) };
}
