// Resting heart rate trend over the last 30 local days: a least-squares line through the daily
// values, with x the real calendar offset so gaps in wear neither stretch nor squeeze time.

import { dayWindow, pointsInWindow } from './day-window';
import { roundTo } from './format';
import { olsSlope } from './ols-slope';
import type { DailyValue, InsightResult } from './types';

export const RESTING_HR_WINDOW_DAYS = 30;
const MIN_DAYS = 14; // with fewer days a month-long slope is mostly noise
// Product seed design: more than 0.5 bpm/day (3.5 bpm/week) is a change worth telling.
const SIGNIFICANT_SLOPE = 0.5;
// Above 1 bpm/day (7 bpm/week) the rise is steep enough to often come with illness or overload.
const STEEP_SLOPE = 1.0;

export type RestingHrTrendInput = { days: readonly DailyValue[]; today: string };

export function restingHrTrend({ days, today }: RestingHrTrendInput): InsightResult | null {
  const window = dayWindow(today, RESTING_HR_WINDOW_DAYS);
  const points = pointsInWindow(days, window);
  if (points.length < MIN_DAYS) return null;
  const slope = olsSlope(points);
  if (!(Math.abs(slope) > SIGNIFICANT_SLOPE)) return null; // also rejects NaN
  const rising = slope > 0;
  const perWeek = slope * 7;
  const steep = rising && slope > STEEP_SLOPE;
  return {
    kind: 'RESTING_HR_TREND',
    severity: !rising ? 'LOW' : steep ? 'HIGH' : 'MEDIUM',
    data: { slopePerDay: roundTo(slope, 3), changePerWeek: roundTo(perWeek, 1), days: points.length },
    windowStart: window.windowStart,
    windowEnd: window.windowEnd,
  };
}
