// The triage reason worded from its codes: English exactly as the API (and the e2e specs) have always
// read it, glucose in the reader's unit, and the other languages with their own words and digits.
import { describe, expect, it } from 'vitest';
import type { TriageReason } from '../data/triage-classify';
import { DEFAULT_UNITS, type UnitPreferences } from './health';
import { triageReasonText, triageSparkLabel } from './triage-reason';

const MMOL: UnitPreferences = { ...DEFAULT_UNITS, glucoseUnit: 'MMOL_L' };
const meter: TriageReason = {
  kind: 'glucose',
  parts: [{
    source: 'glucose', readings: 24, days: 14,
    misses: [
      { share: 'below54', mgdl: [54], sharePercent: 4.2, bound: 'max', percent: 1 },
      { share: 'inRange', mgdl: [70, 180], sharePercent: 62.5, bound: 'min', percent: 70 },
    ],
  }],
};
const cgmAndMeter: TriageReason = {
  kind: 'glucose',
  parts: [
    { source: 'fingersticks', readings: 12, days: 14, misses: [{ share: 'below54', mgdl: [54], sharePercent: 16.7, bound: 'max', percent: 1 }] },
    {
      source: 'cgm', days: 14, low: 70, high: 180, timeInRange: 64.1, cv: 41.2, worn: 92,
      flags: [
        { flag: 'low', value: 5.5, bound: 'max', percent: 4 },
        { flag: 'cv', value: 41.2, bound: 'max', percent: 36 },
        { flag: 'wear', value: 44.4, bound: 'min', percent: 70 },
      ],
    },
  ],
};

describe('triageReasonText in English (the API text)', () => {
  it.each<[TriageReason, string]>([
    [meter, 'Glucose: 4.2 % of readings below 54 mg/dL (target < 1 %); 62.5 % of readings in range 70–180 mg/dL (target > 70 %) (24 readings, 14 days)'],
    [
      cgmAndMeter,
      'Fingersticks: 16.7 % of readings below 54 mg/dL (target < 1 %) (12 readings, 14 days). CGM, last 14 days: 5.5 % of the time between 54 and 70 mg/dL (target < 4 %); ' +
        'CV 41.2 % (target ≤ 36 %); CGM worn 44.4 % of the time (target ≥ 70 %) (time in range 64.1 %, CV 41.2 %, worn 92 %)',
    ],
    [{ kind: 'emergency', emergency: 'GLUCOSE_LOW', status: 'OPEN', moreOpen: 0, mgdl: 48 }, 'Very low glucose (48 mg/dL), open'],
    [{ kind: 'emergency', emergency: 'BLOOD_PRESSURE_CRISIS', status: 'ACKNOWLEDGED', moreOpen: 2, systolic: 191.4 }, 'Blood pressure crisis (191/– mmHg), acknowledged; 2 more open'],
    [{ kind: 'emergency', emergency: 'MISSED_MEDICATION', status: 'ESCALATED', moreOpen: 1 }, 'Missed doses of a critical medication, escalated; 1 more open'],
    [{ kind: 'bpCrisis', systolic: 186, diastolic: 96, day: '2026-12-05', systolicHigh: 180, diastolicHigh: 120 }, '186/96 mmHg on 2026-12-05 (crisis at 180/120)'],
    [{ kind: 'missedDoses', taken: 3, scheduled: 14, percent: 21.4, days: 7, target: 80 }, 'Took 3 of 14 scheduled doses in the last 7 days (21.4 %; target 80 % or more)'],
    [{ kind: 'rhrRising', perWeek: 4, days: 20, window: 30 }, 'Up about 4.0 bpm per week over 30 days (20 days of data)'],
    [{ kind: 'sleepDeficit', minutes: 300, nights: 14, window: 14 }, 'Sleeping 5 h 0 min a night on average over 14 days (14 nights)'],
    [{ kind: 'activityDrop', percent: 50, thisWeek: 35000, usual: 70000 }, '50 % fewer steps this week: 35,000 against a usual 70,000'],
    [{ kind: 'noData', days: 3 }, 'No data for 3 days'],
    [{ kind: 'noRecentData', days: 35 }, 'No data in the last 35 days'],
    [{ kind: 'neverSynced' }, 'No device has synced yet'],
    [{ kind: 'onTarget', days: 14 }, 'No alerts or worrying trends in the last 14 days'],
  ])('%j', (reason, text) => {
    expect(triageReasonText(reason)).toBe(text);
  });

  it('reads glucose in the reader’s unit', () => {
    expect(triageReasonText(meter, MMOL)).toBe('Glucose: 4.2 % of readings below 3.0 mmol/L (target < 1 %); 62.5 % of readings in range 3.9–10.0 mmol/L (target > 70 %) (24 readings, 14 days)');
  });

  it('names the sparkline', () => {
    expect(triageSparkLabel('RESTING_HEART_RATE', 14)).toBe('Daily resting heart rate (bpm), last 14 days');
    expect(triageSparkLabel('WEIGHT', 14)).toBe('WEIGHT, last 14 days');
  });
});

describe('triageReasonText in another language', () => {
  it('Hindi: its words, Latin digits with Indian grouping, units as they are', () => {
    expect(triageReasonText(meter, DEFAULT_UNITS, 'hi')).toBe(
      'ग्लूकोज़: 4.2 % रीडिंग 54 mg/dL से नीचे (लक्ष्य < 1 %); 62.5 % रीडिंग सीमा 70–180 mg/dL में (लक्ष्य > 70 %) (24 रीडिंग, 14 दिन)',
    );
    expect(triageReasonText({ kind: 'activityDrop', percent: 50, thisWeek: 35000, usual: 123456 }, DEFAULT_UNITS, 'hi')).toBe('इस हफ़्ते 50 % कम कदम: सामान्य 1,23,456 की तुलना में 35,000');
    expect(triageReasonText({ kind: 'neverSynced' }, DEFAULT_UNITS, 'hi')).toBe('अभी तक किसी डिवाइस ने सिंक नहीं किया है');
    expect(triageSparkLabel('STEPS', 14, 'hi')).toBe('रोज़ के कदम, पिछले 14 दिन');
  });

  it('Marathi and Bengali write every number in their own digits', () => {
    const mr = triageReasonText({ kind: 'missedDoses', taken: 3, scheduled: 14, percent: 21.4, days: 7, target: 80 }, DEFAULT_UNITS, 'mr');
    expect(mr).toContain('२१.४ %');
    expect(mr).not.toMatch(/[0-9]/);
    const bn = triageReasonText({ kind: 'bpCrisis', systolic: 186, diastolic: 96, day: '2026-12-05', systolicHigh: 180, diastolicHigh: 120 }, DEFAULT_UNITS, 'bn');
    expect(bn).toBe('২০২৬-১২-০৫ তারিখে ১৮৬/৯৬ mmHg (সংকটের সীমা ১৮০/১২০)');
  });

  it('every language words every kind without a missing message', () => {
    for (const locale of ['hi', 'ta', 'te', 'bn', 'mr', 'gu'] as const) {
      for (const r of [meter, cgmAndMeter, { kind: 'emergency', emergency: 'GLUCOSE_HIGH', status: 'OPEN', moreOpen: 1, mgdl: 420 } as TriageReason, { kind: 'onTarget', days: 14 } as TriageReason]) {
        const text = triageReasonText(r, DEFAULT_UNITS, locale);
        expect(text).not.toMatch(/triage\.|reason\.|\b(readings?|target|open|Glucose|Fingersticks|worn|alerts)\b/); // no key path, no English word left
      }
    }
  });
});
