import { describe, expect, it } from 'vitest';
import { pairBloodPressure } from './blood-pressure-pairs';

const MIN = 60_000;
const WINDOW = 5 * MIN;
const at = (minute: number, value: number) => ({ atMs: minute * MIN, value });

describe('pairBloodPressure', () => {
  it('same timestamp: one measurement', () => {
    expect(pairBloodPressure([at(0, 120)], [at(0, 80)], WINDOW)).toEqual([{ atMs: 0, systolic: 120, diastolic: 80 }]);
  });

  it('exactly 5 minutes apart pairs; 5 minutes and 1 ms does not', () => {
    expect(pairBloodPressure([at(0, 120)], [at(5, 80)], WINDOW)).toHaveLength(1);
    expect(pairBloodPressure([at(5, 120)], [at(0, 80)], WINDOW)).toHaveLength(1); // diastolic first
    expect(pairBloodPressure([at(0, 120)], [{ atMs: WINDOW + 1, value: 80 }], WINDOW)).toEqual([
      { atMs: 0, systolic: 120, diastolic: null },
      { atMs: WINDOW + 1, systolic: null, diastolic: 80 },
    ]);
  });

  it('closest pairs first: a diastolic reading goes to the systolic it was measured with', () => {
    // 09:00 systolic lost its diastolic; the 09:03 pair must stay together.
    expect(pairBloodPressure([at(0, 150), at(3, 130)], [at(3, 85)], WINDOW)).toEqual([
      { atMs: 3 * MIN, systolic: 130, diastolic: 85 },
      { atMs: 0, systolic: 150, diastolic: null },
    ]);
  });

  it('a reading is never used twice', () => {
    const result = pairBloodPressure([at(0, 120), at(1, 125)], [at(0, 80)], WINDOW);
    expect(result.filter((m) => m.diastolic !== null)).toHaveLength(1);
    expect(result).toHaveLength(2);
  });

  it('does not depend on input order', () => {
    const systolic = [at(0, 120), at(2, 140), at(30, 160), at(33, 150)];
    const diastolic = [at(1, 80), at(31, 95), at(32, 90), at(60, 70)];
    const sorted = (ms: ReturnType<typeof pairBloodPressure>) =>
      [...ms].sort((a, b) => a.atMs - b.atMs || (a.systolic ?? 0) - (b.systolic ?? 0));
    expect(sorted(pairBloodPressure([...systolic].reverse(), [...diastolic].reverse(), WINDOW))).toEqual(
      sorted(pairBloodPressure(systolic, diastolic, WINDOW)),
    );
  });
});
