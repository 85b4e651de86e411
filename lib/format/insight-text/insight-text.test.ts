// The insight texts per kind × reader: the patient reads "you", a caregiver the patient's name, a doctor
// neutral wording with no advice meant for the patient. Inputs come from the real rules, so the rules'
// numbers are shown to hold everything the texts need. Glucose (and units) are in glucose.test.ts.
import { describe, expect, it } from 'vitest';
import { activityChange, medicationAdherence, restingHrTrend, sleepDeficit, type InsightResult, type MedicationLog } from '@/lib/pipeline/insights';
import { NOW_MS, range, series, TODAY } from '@/lib/pipeline/insights/test-days';
import { DEFAULT_UNITS } from '../health';
import { renderInsightText, type InsightReader } from '.';

const READERS = {
  patient: { audience: 'patient', units: DEFAULT_UNITS },
  caregiver: { audience: 'caregiver', units: DEFAULT_UNITS, patientName: 'Robin Reader' },
  doctor: { audience: 'doctor', units: DEFAULT_UNITS },
} satisfies Record<string, InsightReader>;

const texts = (result: InsightResult | null) => {
  if (!result) throw new Error('expected an insight');
  return Object.fromEntries(Object.entries(READERS).map(([who, reader]) => [who, renderInsightText(result, reader)])) as Record<keyof typeof READERS, { title: string; body: string }>;
};
const YOU = /\byou(r)?\b/i;

describe('medication adherence', () => {
  // This week: 2 taken, 1 late, 1 missed, 1 skipped (60 %); 3 more taken earlier in the month.
  const statuses = ['TAKEN', 'TAKEN', 'TAKEN_LATE', 'MISSED', 'SKIPPED'] as const;
  const logs: MedicationLog[] = [
    ...statuses.map((status, i) => ({ scheduledAtMs: NOW_MS - (i + 1) * 3_600_000, status })),
    ...range(10, 12).map((d) => ({ scheduledAtMs: NOW_MS - d * 86_400_000, status: 'TAKEN' as const })),
  ];
  const t = texts(medicationAdherence({ logs, nowMs: NOW_MS }));

  it('the patient: "You took…"', () => {
    expect(t.patient).toEqual({
      title: 'Some doses were missed this week',
      body: 'You took 3 of 5 scheduled doses in the last 7 days (60 %) and 6 of 8 in the last 30 days (75 %).',
    });
  });

  it('a caregiver: the patient by name', () => {
    expect(t.caregiver.body).toBe('Robin Reader took 3 of 5 scheduled doses in the last 7 days (60 %) and 6 of 8 in the last 30 days (75 %).');
  });

  it('a doctor: neutral, with the breakdown of the week', () => {
    expect(t.doctor.body).toBe('3 of 5 scheduled doses taken in the last 7 days (60 %; 1 taken late, 1 missed, 1 skipped) and 6 of 8 in the last 30 days (75 %).');
    expect(`${t.doctor.title} ${t.doctor.body} ${t.caregiver.title} ${t.caregiver.body}`).not.toMatch(YOU);
  });

  it('titles follow the severity', () => {
    const all = (status: 'TAKEN' | 'MISSED') => texts(medicationAdherence({ logs: [{ scheduledAtMs: NOW_MS - 1, status }], nowMs: NOW_MS }));
    expect(all('MISSED').doctor.title).toBe('Many doses were missed this week');
    expect(all('TAKEN').doctor).toEqual({ title: 'Medication on track this week', body: '1 of 1 scheduled doses taken in the last 7 days (100 %) and 1 of 1 in the last 30 days (100 %).' });
  });
});

describe('sleep deficit', () => {
  it('just under 6 h never reads as "6 h 0 min", for anyone', () => {
    const t = texts(sleepDeficit({ nights: series(range(0, 6), (ago) => (ago === 0 ? 359 : 360)), today: TODAY }));
    expect(t.patient).toEqual({
      title: 'You have been sleeping less than 6 hours',
      body: 'You slept 5 h 59 min a night on average over the last 14 days (7 nights tracked). Most adults need 7 hours or more.',
    });
    expect(t.caregiver).toEqual({
      title: 'Robin Reader has been sleeping less than 6 hours',
      body: 'Robin Reader slept 5 h 59 min a night on average over the last 14 days (7 nights tracked). Most adults need 7 hours or more.',
    });
    expect(t.doctor).toEqual({
      title: 'Sleeping less than 6 hours a night',
      body: 'Average 5 h 59 min asleep a night over the last 14 days (7 nights tracked); adults need 7 hours or more.',
    });
  });

  it('under 5 hours', () => {
    const t = texts(sleepDeficit({ nights: series(range(0, 9), () => 270), today: TODAY }));
    expect(t.patient.title).toBe('You have been sleeping less than 5 hours');
    expect(t.doctor.title).toBe('Sleeping less than 5 hours a night');
    expect(t.doctor.body).toContain('4 h 30 min');
  });
});

describe('activity change', () => {
  const scene = (daily: number, weekDays = range(0, 6)) => [...series(weekDays, () => daily), ...series(range(7, 34), () => 1000)];

  it('a drop, for each reader', () => {
    const t = texts(activityChange({ steps: scene(600), today: TODAY }));
    expect(t.patient).toEqual({
      title: 'You have been less active this week',
      body: 'About 4,200 steps this week, 40 % fewer than your usual 7,000 a week over the previous 4 weeks.',
    });
    expect(t.caregiver).toEqual({
      title: 'Robin Reader has been less active this week',
      body: 'About 4,200 steps this week, 40 % fewer than Robin Reader’s usual 7,000 a week over the previous 4 weeks.',
    });
    expect(t.doctor).toEqual({
      title: 'Less active this week',
      body: 'About 4,200 steps this week, 40 % fewer than the usual 7,000 a week over the previous 4 weeks.',
    });
  });

  it('a rise, estimated from the days with data', () => {
    const t = texts(activityChange({ steps: scene(1500, range(0, 4)), today: TODAY }));
    expect(t.patient).toEqual({
      title: 'You have been more active this week',
      body: 'About 10,500 steps this week (estimated from the 5 days with data), 50 % more than your usual 7,000 a week over the previous 4 weeks.',
    });
    expect(t.doctor.title).toBe('More active this week');
  });
});

describe('resting heart rate trend', () => {
  const run = (slope: number, agos = range(0, 29)) => texts(restingHrTrend({ days: series(agos, (ago) => 60 + slope * (29 - ago)), today: TODAY }));

  it('rising and falling read the same for everyone', () => {
    const up = run(0.6, range(0, 20));
    expect(up.patient).toEqual({ title: 'Resting heart rate is rising', body: 'Up about 4.2 bpm per week over the last 30 days (21 days of data).' });
    expect(up.doctor).toEqual(up.patient);
    expect(run(-0.75).caregiver).toEqual({ title: 'Resting heart rate is falling', body: 'Down about 5.3 bpm per week over the last 30 days (30 days of data).' });
  });

  it('a steep rise: the patient is pointed to their doctor, the doctor is not', () => {
    const t = run(1.5);
    expect(t.patient.body).toMatch(/consider talking to your doctor\.$/);
    expect(t.caregiver.body).toMatch(/Robin Reader may want to talk to their doctor\.$/);
    expect(t.doctor.body).toBe('Up about 10.5 bpm per week over the last 30 days (30 days of data). A rise this quick can come with illness, stress, overtraining or poor sleep.');
  });
});

describe('incomplete data', () => {
  it('a row without the numbers its text needs gets a plain label, never "NaN" or "undefined"', () => {
    for (const reader of Object.values(READERS)) {
      const t = renderInsightText({ kind: 'SLEEP_DEFICIT', severity: 'MEDIUM', data: { nights: 7 } }, reader);
      expect(t.title).toBe('Short sleep');
      expect(`${t.title} ${t.body}`).not.toMatch(/NaN|undefined|null/);
    }
    expect(renderInsightText({ kind: 'MEDICATION_ADHERENCE', severity: 'HIGH', data: null }, READERS.doctor).title).toBe('Medication adherence');
  });
});
