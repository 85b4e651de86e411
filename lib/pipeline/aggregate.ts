// Buckets counted contributions into the user's local hours, days, ISO weeks and months.
// SUM splits intervals across hours in proportion to real elapsed time; AVERAGE and LATEST take each
// contribution as one reading at its start. Days, weeks and months are rolled up from hours (every
// local hour lies inside one day), so all levels agree; sleep types instead give each day the whole
// sessions that end on it, and weeks and months roll up from those days.

import { periodKeyOfDay, periodKeyOfHour, periodLabel, zoneClock, type ZoneClock } from '../time';
import { type Accumulator, accumulatorAt, addValue, mergeInto, toRow } from './accumulator';
import { sortContributions } from './dedup';
import { sessionDayIndex, sleepSessions } from './sleep-sessions';
import type { AggregateRow, Contribution, Period, TypeRules } from './types';

export type AggregateInput = {
  contributions: readonly Contribution[];
  rules: TypeRules;
  timeZone: string;
  /** Which rows to return; all four by default. */
  periods?: readonly Period[];
};

const ALL_PERIODS: readonly Period[] = ['HOUR', 'DAY', 'WEEK', 'MONTH'];

/** Aggregate rows for every local bucket that received a contribution, ordered by period then start. */
export function aggregate({ contributions, rules, timeZone, periods = ALL_PERIODS }: AggregateInput): AggregateRow[] {
  const sorted = sortContributions(contributions);
  const hours = bucketHours(sorted, rules, zoneClock(timeZone));
  const days =
    rules.sessionGapMs !== undefined
      ? bucketSessionDays(sorted, rules, timeZone)
      : rollUp(hours, (hour) => periodKeyOfHour(hour, 'DAY'));
  const buckets: Record<Period, Map<number, Accumulator>> = {
    HOUR: hours,
    DAY: days,
    WEEK: rollUp(days, (day) => periodKeyOfDay(day, 'WEEK')),
    MONTH: rollUp(days, (day) => periodKeyOfDay(day, 'MONTH')),
  };
  const rows: AggregateRow[] = [];
  for (const period of ALL_PERIODS) {
    if (!periods.includes(period)) continue;
    for (const [key, acc] of inKeyOrder(buckets[period])) {
      rows.push(toRow(acc, rules.aggregation, period, periodLabel(period, key)));
    }
  }
  return rows;
}

function bucketHours(sorted: readonly Contribution[], rules: TypeRules, clock: ZoneClock): Map<number, Accumulator> {
  const hours = new Map<number, Accumulator>();
  const split = rules.aggregation === 'SUM';
  for (const c of sorted) {
    let hour = clock.hourIndexAt(c.startMs);
    if (!split || c.endMs <= c.startMs) {
      // Readings and instants go whole to the bucket of their timestamp.
      addValue(accumulatorAt(hours, hour), rules.aggregation, c, c.value, true);
      continue;
    }
    const length = c.endMs - c.startMs;
    let from = c.startMs;
    let first = true;
    while (from < c.endMs) {
      const to = Math.min(clock.hourStart(hour + 1), c.endMs);
      if (to > from) {
        addValue(accumulatorAt(hours, hour), rules.aggregation, c, (c.value * (to - from)) / length, first);
        first = false;
        from = to;
      }
      hour += 1;
    }
  }
  return hours;
}

function bucketSessionDays(sorted: readonly Contribution[], rules: TypeRules, timeZone: string): Map<number, Accumulator> {
  const days = new Map<number, Accumulator>();
  for (const session of sleepSessions(sorted, rules.sessionGapMs)) {
    const acc = accumulatorAt(days, sessionDayIndex(session, timeZone));
    for (const c of session.contributions) addValue(acc, rules.aggregation, c, c.value, true);
  }
  return days;
}

function rollUp(finer: Map<number, Accumulator>, keyOf: (key: number) => number): Map<number, Accumulator> {
  const coarser = new Map<number, Accumulator>();
  for (const [key, acc] of inKeyOrder(finer)) {
    mergeInto(accumulatorAt(coarser, keyOf(key)), acc);
  }
  return coarser;
}

// Key order fixes the order of floating-point additions, so results never depend on input order.
function inKeyOrder(map: Map<number, Accumulator>): [number, Accumulator][] {
  return [...map].sort((a, b) => a[0] - b[0]);
}
