// This week's steps against the usual week of the four weeks before it.
//
// Both sides are a mean over the days that have data, times 7: a day without data is unknown (a
// watch on the charger), not zero steps, so missing days must not read as a drop.

import { dayWindow, meanValue, pointsInWindow } from './day-window';
import { roundTo } from './format';
import type { DailyValue, InsightResult } from './types';

const WEEK_DAYS = 7;
const BASELINE_DAYS = 28; // the four weeks right before this week: today−34 … today−7
const MIN_WEEK_DAYS = 5;
const MIN_BASELINE_DAYS = 14;
// No clinical standard for week-on-week change; product thresholds. A 20–30 % drop is an ordinary
// busy or ill week (LOW); beyond 30 % it is a real change in routine (MEDIUM). Rises are good news.
const NOTABLE_CHANGE = 0.2;
const LARGE_DROP = 0.3;

export type ActivityChangeInput = { steps: readonly DailyValue[]; today: string };

export function activityChange({ steps, today }: ActivityChangeInput): InsightResult | null {
  const weekWindow = dayWindow(today, WEEK_DAYS);
  const week = pointsInWindow(steps, weekWindow);
  const baselineWindow = dayWindow(today, BASELINE_DAYS, WEEK_DAYS);
  const baseline = pointsInWindow(steps, baselineWindow);
  if (week.length < MIN_WEEK_DAYS || baseline.length < MIN_BASELINE_DAYS) return null;
  const weekDaily = meanValue(week);
  const baselineDaily = meanValue(baseline);
  if (!(baselineDaily > 0)) return null;
  const change = (weekDaily - baselineDaily) / baselineDaily;
  if (!(Math.abs(change) > NOTABLE_CHANGE)) return null;
  const drop = change < 0;
  const thisWeek = weekDaily * WEEK_DAYS;
  const baselineWeekly = baselineDaily * WEEK_DAYS;
  return {
    kind: 'ACTIVITY_CHANGE',
    severity: !drop ? 'INFO' : -change > LARGE_DROP ? 'MEDIUM' : 'LOW',
    data: {
      thisWeek: Math.round(thisWeek),
      baselineWeekly: Math.round(baselineWeekly),
      changePercent: roundTo(change * 100, 1),
      thisWeekDays: week.length,
      baselineDays: baseline.length,
    },
    windowStart: baselineWindow.windowStart,
    windowEnd: weekWindow.windowEnd,
  };
}
