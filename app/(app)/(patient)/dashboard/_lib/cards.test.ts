import { describe, expect, it } from 'vitest';
import { DEFAULT_UNITS } from '@/lib/format/health';
import { buildCards } from './cards';
import type { DayRow } from './metrics';

const TODAY = '2026-07-15';
const row = (day: string, value: number, sources: Record<string, number> = {}, count = 1): DayRow => ({
  periodStart: `${day}T00:00:00`, value, min: value, max: value, count, sources,
});
const names = new Map([['w', 'Apple Watch'], ['p', 'iPhone'], ['c', 'Omron cuff']]);
const card = (id: string, rows: Parameters<typeof buildCards>[0]['rows'], units = DEFAULT_UNITS) =>
  buildCards({ rows, names, today: TODAY, units }).find((c) => c.id === id)!;

describe('buildCards', () => {
  it('shows today’s steps against the 7-day average, with where they came from', () => {
    const steps = [row('2026-07-13', 8000), row('2026-07-14', 6000), row(TODAY, 7700, { w: 6930, p: 770 })];
    const c = card('steps', { STEPS: steps });
    expect(c).toMatchObject({
      value: '7,700 steps',
      context: 'Today so far',
      change: { text: '+700 steps (+10 %)', direction: 'up' },
      basis: 'Compared with the average of the 7 days before (2 days with data): 7,000 steps.',
      sources: { text: 'Apple Watch 90 %, iPhone 10 %', of: 'share of the steps' },
      empty: null,
    });
    expect(c.spark).toEqual([8000, 6000, 7700]);
  });

  it('says so when nothing came today yet, and when nothing came at all', () => {
    expect(card('steps', { STEPS: [row('2026-07-14', 6000)] })).toMatchObject({
      value: null, context: '', empty: 'No steps recorded today yet.', basis: 'The average of the 7 days before (1 day with data): 6,000 steps.', hasData: true,
    });
    expect(card('sleep', { SLEEP_STATE: [row('2026-07-14', 420)] })).toMatchObject({ value: null, empty: 'No sleep recorded for last night yet.' });
    expect(card('glucose', {})).toMatchObject({ value: null, empty: 'No glucose readings in the last 90 days.', hasData: false });
    expect(card('blood-pressure', {})).toMatchObject({ value: null, hasData: false });
  });

  it('shows sleep in hours and minutes against the 7-night average', () => {
    const c = card('sleep', { SLEEP_STATE: [row('2026-07-14', 420), row(TODAY, 445, { w: 445 })] });
    expect(c).toMatchObject({ value: '7 h 25 min', context: 'Asleep last night', change: { text: '+25 min', direction: 'up' } });
    expect(c.basis).toBe('Compared with the average of the 7 nights before (1 night with data): 7 h.');
  });

  it('shows the latest weight against the previous reading, in the preferred unit', () => {
    const c = card('weight', { WEIGHT: [row('2026-07-01', 71.2), row('2026-07-13', 70.8, { s: 1 })] }, { ...DEFAULT_UNITS, weightUnit: 'KG' });
    expect(c).toMatchObject({
      value: '70.8 kg',
      context: 'Latest reading, Mon 13 Jul',
      change: { text: '−0.4 kg', direction: 'down' },
      basis: 'Compared with the previous reading (Wed 1 Jul): 71.2 kg.',
      sources: { text: 'Removed source 100 %' },
    });
  });

  it('pairs systolic and diastolic of the latest day, compared with the readings of the week before', () => {
    const c = card('blood-pressure', {
      BLOOD_PRESSURE_SYSTOLIC: [row('2026-07-10', 130, {}, 2), row('2026-07-14', 124, { c: 2 }, 2)],
      BLOOD_PRESSURE_DIASTOLIC: [row('2026-07-10', 84, {}, 2), row('2026-07-14', 80, { c: 2 }, 2)],
    });
    expect(c).toMatchObject({
      value: '124/80 mmHg',
      context: 'Latest, yesterday · average of 2 readings',
      change: { text: '−6/−4 mmHg vs the week before', direction: 'down' },
      basis: 'Compared with the average of the readings in the 7 days before: 130/84 mmHg.',
      sources: { text: 'Omron cuff 100 %', of: 'share of the readings' },
    });
  });

  it('calls a change that rounds away on screen "about the same"', () => {
    const c = card('resting-hr', { RESTING_HEART_RATE: [row('2026-07-13', 60.2), row('2026-07-14', 59.9)] });
    expect(c).toMatchObject({ value: '60 bpm', context: 'Latest, yesterday', change: { text: 'About the same', direction: 'same' } });
  });

  it('shows glucose in mmol/L when preferred', () => {
    const c = card('glucose', { BLOOD_GLUCOSE: [row(TODAY, 108, { g: 3 }, 3)] }, { ...DEFAULT_UNITS, glucoseUnit: 'MMOL_L' });
    expect(c).toMatchObject({ value: '6.0 mmol/L', context: 'Today · average of 3 readings', change: null, basis: 'No data in the 7 days before to compare with.' });
  });
});
