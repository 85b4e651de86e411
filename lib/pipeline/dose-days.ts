// Daily totals of summed doses split by group (insulin: basal, bolus, unspecified), from contributions
// already deduplicated: each group is bucketed like the type's own aggregates (a temp basal spread over
// the hours it ran), so the groups of a day add up to that day's total.

import { aggregate } from './aggregate';
import type { Contribution, TypeRules } from './types';

/** Local day 'YYYY-MM-DD' → group → total. */
export function dailyTotalsByGroup(
  contributions: readonly Contribution[],
  rules: TypeRules,
  timeZone: string,
  groupOf: (c: Contribution) => string,
): Map<string, Record<string, number>> {
  const groups = new Map<string, Contribution[]>();
  for (const c of contributions) {
    const key = groupOf(c);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const days = new Map<string, Record<string, number>>();
  for (const [group, list] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    for (const row of aggregate({ contributions: list, rules, timeZone, periods: ['DAY'] })) {
      const day = row.periodStart.slice(0, 10);
      const totals = days.get(day) ?? {};
      totals[group] = (totals[group] ?? 0) + row.value;
      days.set(day, totals);
    }
  }
  return days;
}
