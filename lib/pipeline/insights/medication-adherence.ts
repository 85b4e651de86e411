// Medication adherence: the share of scheduled doses taken (on time or late) over the last 7 and
// 30 days. A skipped dose counts against adherence like a missed one; the counts keep them apart.

import { localDate } from '../../time';
import { percentOf } from './format';
import type { InsightResult, InsightSeverity } from './types';

const DAY_MS = 86_400_000;
// ≥ 80 % is the usual cut-off for adequate adherence (Osterberg & Blaschke, NEJM 2005); under half
// of this week's doses is a pattern a patient should hear about clearly.
const ADEQUATE_PERCENT = 80;
const POOR_PERCENT = 50;

export type MedicationLogStatus = 'TAKEN' | 'TAKEN_LATE' | 'MISSED' | 'SKIPPED';
export type MedicationLog = { scheduledAtMs: number; status: MedicationLogStatus };
/** timeZone only labels windowStart/windowEnd as local days; default UTC. */
export type MedicationAdherenceInput = { logs: readonly MedicationLog[]; nowMs: number; timeZone?: string };

type Tally = Record<MedicationLogStatus, number> & { scheduled: number; takenAll: number };

/** Doses scheduled in (nowMs − days, nowMs]; doses not yet due are not counted. */
function tally(logs: readonly MedicationLog[], nowMs: number, days: number): Tally {
  const t: Tally = { TAKEN: 0, TAKEN_LATE: 0, MISSED: 0, SKIPPED: 0, scheduled: 0, takenAll: 0 };
  const fromMs = nowMs - days * DAY_MS;
  for (const { scheduledAtMs, status } of logs) {
    if (!(scheduledAtMs > fromMs && scheduledAtMs <= nowMs)) continue;
    t[status] += 1;
    t.scheduled += 1;
    if (status === 'TAKEN' || status === 'TAKEN_LATE') t.takenAll += 1;
  }
  return t;
}

// Compared on counts (100·taken vs cut-off·scheduled), so exactly 80 % or 50 % is not lost to rounding.
const below = (t: Tally, percent: number) => 100 * t.takenAll < percent * t.scheduled;

export function medicationAdherence({ logs, nowMs, timeZone = 'UTC' }: MedicationAdherenceInput): InsightResult | null {
  const week = tally(logs, nowMs, 7);
  if (week.scheduled === 0) return null;
  const month = tally(logs, nowMs, 30);
  const severity: InsightSeverity = below(week, POOR_PERCENT) ? 'HIGH' : below(week, ADEQUATE_PERCENT) ? 'MEDIUM' : 'INFO';
  const weekPercent = percentOf(week.takenAll, week.scheduled);
  const monthPercent = percentOf(month.takenAll, month.scheduled);
  return {
    kind: 'MEDICATION_ADHERENCE',
    severity,
    data: {
      adherence7d: weekPercent,
      adherence30d: monthPercent,
      scheduled7d: week.scheduled,
      taken7d: week.TAKEN,
      takenLate7d: week.TAKEN_LATE,
      missed7d: week.MISSED,
      skipped7d: week.SKIPPED,
      scheduled30d: month.scheduled,
      taken30d: month.TAKEN,
      takenLate30d: month.TAKEN_LATE,
      missed30d: month.MISSED,
      skipped30d: month.SKIPPED,
    },
    windowStart: localDate(nowMs - 30 * DAY_MS, timeZone),
    windowEnd: localDate(nowMs, timeZone),
  };
}
