import { describe, expect, it } from 'vitest';
import { type AlertReading, DEFAULT_ALERT_THRESHOLDS, findAlerts } from './alerts';
import { MIN_MS, NOW_MS } from './test-days';

const T = DEFAULT_ALERT_THRESHOLDS;
const glucose = (value: number, atMs = NOW_MS): AlertReading => ({ type: 'BLOOD_GLUCOSE', atMs, value });
const sys = (value: number, atMs = NOW_MS): AlertReading => ({ type: 'BLOOD_PRESSURE_SYSTOLIC', atMs, value });
const dia = (value: number, atMs = NOW_MS): AlertReading => ({ type: 'BLOOD_PRESSURE_DIASTOLIC', atMs, value });
const kinds = (readings: AlertReading[], thresholds = T) => findAlerts(readings, thresholds).map((f) => f.kind);

describe('findAlerts: glucose (strictly below 54, strictly above 300)', () => {
  it.each([
    [53.9, ['GLUCOSE_LOW']],
    [54, []],
    [54.1, []],
    [299.9, []],
    [300, []],
    [300.1, ['GLUCOSE_HIGH']],
  ])('%s mg/dL → %j', (value, expected) => {
    expect(kinds([glucose(value)])).toEqual(expected);
  });

  it('details carry the reading and the threshold used', () => {
    expect(findAlerts([glucose(48)], T)).toEqual([{ kind: 'GLUCOSE_LOW', atMs: NOW_MS, details: { mgdl: 48, thresholdMgDl: 54 } }]);
  });

  it('one finding per kind: the lowest low and the highest high', () => {
    const readings = [glucose(50, NOW_MS - 3), glucose(40, NOW_MS - 2), glucose(45, NOW_MS - 1), glucose(350, NOW_MS), glucose(420, NOW_MS - 9)];
    expect(findAlerts(readings, T).map((f) => [f.kind, f.details.mgdl, f.atMs])).toEqual([
      ['GLUCOSE_LOW', 40, NOW_MS - 2],
      ['GLUCOSE_HIGH', 420, NOW_MS - 9],
    ]);
  });

  it('equally extreme readings: the earliest, whatever the input order', () => {
    const readings = [glucose(40, NOW_MS), glucose(40, NOW_MS - 5 * MIN_MS)];
    expect(findAlerts(readings, T)[0].atMs).toBe(NOW_MS - 5 * MIN_MS);
    expect(findAlerts([...readings].reverse(), T)[0].atMs).toBe(NOW_MS - 5 * MIN_MS);
  });

  it("uses the patient's own thresholds", () => {
    const custom = { ...T, glucoseLowMgDl: 70, glucoseHighMgDl: 250 };
    expect(kinds([glucose(65), glucose(260)], custom)).toEqual(['GLUCOSE_LOW', 'GLUCOSE_HIGH']);
    expect(kinds([glucose(70), glucose(250)], custom)).toEqual([]);
  });

  it('no readings, no findings', () => {
    expect(findAlerts([], T)).toEqual([]);
  });
});

describe('findAlerts: blood pressure crisis (at or above 180 systolic OR 120 diastolic)', () => {
  it.each([
    [179, 119, false],
    [180, 119, true],
    [179, 120, true],
    [181, 90, true],
    [150, 121, true],
  ])('%s/%s → crisis %s', (s, d, crisis) => {
    expect(kinds([sys(s), dia(d)])).toEqual(crisis ? ['BLOOD_PRESSURE_CRISIS'] : []);
  });

  it('a pair within 5 minutes is one finding with both numbers', () => {
    expect(findAlerts([sys(185, NOW_MS), dia(95, NOW_MS + 5 * MIN_MS)], T)).toEqual([
      { kind: 'BLOOD_PRESSURE_CRISIS', atMs: NOW_MS, details: { systolic: 185, diastolic: 95 } },
    ]);
  });

  it('just over 5 minutes apart: not paired, the finding has only the crossing number', () => {
    expect(findAlerts([sys(185, NOW_MS), dia(95, NOW_MS + 5 * MIN_MS + 1)], T)[0].details).toEqual({ systolic: 185 });
    expect(findAlerts([sys(150, NOW_MS), dia(125, NOW_MS - 5 * MIN_MS - 1)], T)[0].details).toEqual({ diastolic: 125 });
  });

  it('the finding is dated by the earlier reading of the pair', () => {
    expect(findAlerts([sys(190, NOW_MS), dia(100, NOW_MS - 2 * MIN_MS)], T)[0].atMs).toBe(NOW_MS - 2 * MIN_MS);
  });

  it('one finding: the measurement furthest past its threshold', () => {
    // 190/100 is 5.6 % past 180; 140/130 is 8.3 % past 120.
    const readings = [sys(190, NOW_MS), dia(100, NOW_MS), sys(140, NOW_MS + 60 * MIN_MS), dia(130, NOW_MS + 60 * MIN_MS)];
    expect(findAlerts(readings, T)).toEqual([
      { kind: 'BLOOD_PRESSURE_CRISIS', atMs: NOW_MS + 60 * MIN_MS, details: { systolic: 140, diastolic: 130 } },
    ]);
  });

  it('glucose and blood pressure together: one finding per kind, in a fixed order', () => {
    expect(kinds([sys(200), dia(110), glucose(320), glucose(45)])).toEqual(['GLUCOSE_LOW', 'GLUCOSE_HIGH', 'BLOOD_PRESSURE_CRISIS']);
  });
});
