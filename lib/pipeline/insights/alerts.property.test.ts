import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AlertReading, DEFAULT_ALERT_THRESHOLDS as T, findAlerts } from './alerts';

const MIN = 60_000;
const readingArb: fc.Arbitrary<AlertReading> = fc.oneof(
  fc.record({ type: fc.constant('BLOOD_GLUCOSE' as const), atMs: fc.integer({ min: 0, max: 120 }).map((m) => m * MIN), value: fc.integer({ min: 20, max: 500 }) }),
  fc.record({ type: fc.constant('BLOOD_PRESSURE_SYSTOLIC' as const), atMs: fc.integer({ min: 0, max: 120 }).map((m) => m * MIN), value: fc.integer({ min: 90, max: 240 }) }),
  fc.record({ type: fc.constant('BLOOD_PRESSURE_DIASTOLIC' as const), atMs: fc.integer({ min: 0, max: 120 }).map((m) => m * MIN), value: fc.integer({ min: 50, max: 150 }) }),
);
const scenarioArb = fc.array(readingArb, { maxLength: 40 }).chain((readings) =>
  fc.tuple(fc.constant(readings), fc.shuffledSubarray(readings, { minLength: readings.length, maxLength: readings.length })),
);

describe('findAlerts properties', () => {
  it('the same readings in any order give the same findings', () => {
    fc.assert(
      fc.property(scenarioArb, ([readings, shuffled]) => {
        expect(findAlerts(shuffled, T)).toEqual(findAlerts(readings, T));
      }),
      { numRuns: 500 },
    );
  });

  it('at most one finding per kind, and each crosses its threshold', () => {
    fc.assert(
      fc.property(scenarioArb, ([readings]) => {
        const findings = findAlerts(readings, T);
        expect(new Set(findings.map((f) => f.kind)).size).toBe(findings.length);
        for (const f of findings) {
          if (f.kind === 'GLUCOSE_LOW') expect(f.details.mgdl).toBeLessThan(T.glucoseLowMgDl);
          if (f.kind === 'GLUCOSE_HIGH') expect(f.details.mgdl).toBeGreaterThan(T.glucoseHighMgDl);
          if (f.kind === 'BLOOD_PRESSURE_CRISIS') {
            expect((f.details.systolic ?? 0) >= T.systolicHigh || (f.details.diastolic ?? 0) >= T.diastolicHigh).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a finding exists exactly when some reading crosses a threshold', () => {
    fc.assert(
      fc.property(scenarioArb, ([readings]) => {
        const kinds = new Set(findAlerts(readings, T).map((f) => f.kind));
        const glucose = readings.filter((r) => r.type === 'BLOOD_GLUCOSE');
        expect(kinds.has('GLUCOSE_LOW')).toBe(glucose.some((r) => r.value < T.glucoseLowMgDl));
        expect(kinds.has('GLUCOSE_HIGH')).toBe(glucose.some((r) => r.value > T.glucoseHighMgDl));
        const crisis = readings.some(
          (r) => (r.type === 'BLOOD_PRESSURE_SYSTOLIC' && r.value >= T.systolicHigh) || (r.type === 'BLOOD_PRESSURE_DIASTOLIC' && r.value >= T.diastolicHigh),
        );
        expect(kinds.has('BLOOD_PRESSURE_CRISIS')).toBe(crisis);
      }),
      { numRuns: 500 },
    );
  });
});
