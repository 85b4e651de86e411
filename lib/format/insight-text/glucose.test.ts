// Glucose time in range in words, per reader and unit: the consensus thresholds 70–180, 54 and 250 mg/dL
// read 3.9–10.0, 3.0 and 13.9 mmol/L for a reader who chose mmol/L, whoever the patient is.
import { describe, expect, it } from 'vitest';
import { glucoseTimeInRange, type InsightResult } from '@/lib/pipeline/insights';
import { NOW_MS } from '@/lib/pipeline/insights/test-days';
import { DEFAULT_UNITS, type UnitPreferences } from '../health';
import { renderInsightText, type InsightReader } from '.';

const MMOL: UnitPreferences = { ...DEFAULT_UNITS, glucoseUnit: 'MMOL_L' };
/** 100 readings an hour apart: `n` of each listed value, the rest 120 mg/dL. */
function run(...parts: [value: number, n: number][]): InsightResult {
  const values = parts.flatMap(([value, n]) => Array<number>(n).fill(value));
  const all = [...values, ...Array<number>(100 - values.length).fill(120)];
  const result = glucoseTimeInRange({ readings: all.map((mgdl, i) => ({ atMs: NOW_MS - i * 3_600_000, mgdl })), nowMs: NOW_MS });
  if (!result) throw new Error('expected an insight');
  return result;
}
const patient = (units = DEFAULT_UNITS): InsightReader => ({ audience: 'patient', units });
const caregiver = (units = DEFAULT_UNITS): InsightReader => ({ audience: 'caregiver', units, patientName: 'Robin Reader' });
const doctor = (units = DEFAULT_UNITS): InsightReader => ({ audience: 'doctor', units });

describe('glucose time in range: meeting the targets', () => {
  const result = run([200, 10]);

  it('mg/dL and mmol/L, for the patient', () => {
    expect(renderInsightText(result, patient())).toEqual({
      title: 'Time in range: 90 %',
      body: '90 % of your 100 readings in the last 14 days were in range (70–180 mg/dL), meeting the targets.',
    });
    expect(renderInsightText(result, patient(MMOL)).body).toBe('90 % of your 100 readings in the last 14 days were in range (3.9–10.0 mmol/L), meeting the targets.');
  });

  it('a caregiver reads the patient\'s name, a doctor a neutral sentence', () => {
    expect(renderInsightText(result, caregiver(MMOL)).body).toBe('90 % of Robin Reader’s 100 readings in the last 14 days were in range (3.9–10.0 mmol/L), meeting the targets.');
    expect(renderInsightText(result, doctor()).body).toBe('90 % of 100 readings in the last 14 days were in range (70–180 mg/dL), meeting the targets.');
  });
});

describe('glucose time in range: below target and highs', () => {
  const result = run([200, 31], [260, 5]);

  it('mg/dL', () => {
    expect(renderInsightText(result, doctor())).toEqual({
      title: 'Time in range is below target',
      body: '64 % of 100 readings in the last 14 days were in range (70–180 mg/dL); the target is more than 70 %. ' +
        '36 % were above 180 mg/dL (target: under 25 %) and 5 % above 250 mg/dL (target: under 5 %).',
    });
  });

  it('mmol/L: every threshold converted, no mg/dL left', () => {
    const { body } = renderInsightText(result, doctor(MMOL));
    expect(body).toBe('64 % of 100 readings in the last 14 days were in range (3.9–10.0 mmol/L); the target is more than 70 %. ' +
      '36 % were above 10.0 mmol/L (target: under 25 %) and 5 % above 13.9 mmol/L (target: under 5 %).');
  });

  it('often above range while time in range is 70 % or more', () => {
    expect(renderInsightText(run([200, 25]), patient(MMOL))).toEqual({
      title: 'Glucose is often above range',
      body: 'Of your 100 readings in the last 14 days, 25 % were above 10.0 mmol/L (target: under 25 %) and 0 % above 13.9 mmol/L (target: under 5 %). Time in range (3.9–10.0 mmol/L) was 75 %.',
    });
  });
});

describe('glucose time in range: lows', () => {
  const result = run([50, 1], [65, 2]);

  it('the patient is pointed to their care team', () => {
    expect(renderInsightText(result, patient())).toEqual({
      title: 'Low glucose readings need attention',
      body: '3 % of your 100 readings in the last 14 days were below 70 mg/dL (target: under 4 %), 1 % below 54 mg/dL (target: under 1 %). Consider going over this with your care team.',
    });
  });

  it('a doctor reads the figures in mmol/L, with no advice written to the patient', () => {
    expect(renderInsightText(result, doctor(MMOL)).body).toBe(
      '3 % of 100 readings in the last 14 days were below 3.9 mmol/L (target: under 4 %), 1 % below 3.0 mmol/L (target: under 1 %).',
    );
    expect(renderInsightText(result, caregiver()).body).toMatch(/^3 % of Robin Reader’s 100 readings .* going over this with their care team\.$/);
  });

  it('lows and highs together: the highs are not hidden behind the lows', () => {
    expect(renderInsightText(run([50, 2], [260, 6]), doctor()).body).toBe(
      '2 % of 100 readings in the last 14 days were below 70 mg/dL (target: under 4 %), 2 % below 54 mg/dL (target: under 1 %). ' +
        'Also, 6 % were above 180 mg/dL (target: under 25 %) and 6 % above 250 mg/dL (target: under 5 %).',
    );
  });
});

describe('no reader other than the patient is addressed as "you"', () => {
  it.each([[[200, 10]], [[200, 31]], [[200, 25]], [[50, 3]]] as [[number, number]][])('%j', (part) => {
    for (const reader of [caregiver(), doctor(), doctor(MMOL)]) {
      const { title, body } = renderInsightText(run(part), reader);
      expect(`${title} ${body}`).not.toMatch(/\byou(r)?\b/i);
    }
  });
});
