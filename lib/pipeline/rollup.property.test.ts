// Week and month rows rolled up from day rows (what the database job does) equal the week and month
// rows aggregated directly from the readings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthStart, weekStart } from '../time';
import { aggregate } from './aggregate';
import { dedupSamples } from './dedup';
import { rollUpDays } from './rollup';
import { rulesArb, samplesArb, sceneArb } from './test-arbitraries';

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)));

describe('rollUpDays', () => {
  it('equals direct week and month aggregation for every aggregation kind', () => {
    fc.assert(
      fc.property(fc.tuple(rulesArb, sceneArb).chain(([rules, scene]) => samplesArb(rules, scene.base).map((samples) => ({ rules, scene, samples }))), ({ rules, scene, samples }) => {
        const rows = aggregate({ contributions: dedupSamples(samples, rules), rules, timeZone: scene.timeZone });
        const days = rows.filter((r) => r.period === 'DAY').map((r) => ({ ...r, day: r.periodStart.slice(0, 10) }));
        for (const [period, startOf] of [['WEEK', weekStart], ['MONTH', monthStart]] as const) {
          const direct = rows.filter((r) => r.period === period);
          const rolled = rollUpDays(days, rules.aggregation, period, startOf);
          expect(rolled.map((r) => r.periodStart)).toEqual(direct.map((r) => r.periodStart));
          rolled.forEach((r, i) => {
            const d = direct[i]!;
            expect(close(r.value, d.value) && close(r.min, d.min) && close(r.max, d.max) && r.count === d.count).toBe(true);
            for (const [device, n] of Object.entries(d.sources)) expect(close(r.sources[device] ?? 0, n)).toBe(true);
          });
        }
      }),
      { numRuns: 200 },
    );
  });
});
