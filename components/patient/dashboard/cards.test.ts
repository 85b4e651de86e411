import { describe, expect, it } from 'vitest';
import { DEFAULT_UNITS } from '@/lib/format/health';
import { buildCards } from './cards';
import type { DayRow } from './metrics';
import { clockAt, type Clock } from './partial';

const TODAY = '2026-07-15';
const row = (day: string, value: number, sources: Record<string, number> = {}, count = 1): DayRow => ({
  periodStart: `${day}T00:00:00`, value, min: value, max: value, count, sources,
});
const hour = (day: string, hh: string, value: number): DayRow => ({ periodStart: `${day}T${hh}:00:00`, value, min: null, max: null, count: 1, sources: {} });
const names = new Map([['w', 'Apple Watch'], ['p', 'iPhone'], ['c', 'Omron cuff']]);
type Rows = Parameters<typeof buildCards>[0]['rows'];
// Mid-afternoon unless a test is about the small hours: the clock is always pinned.
const AFTERNOON = clockAt(Date.parse(`${TODAY}T15:30:00Z`), 'UTC');
const card = (id: string, rows: Rows, units = DEFAULT_UNITS, opts: { hours?: Rows; clock?: Clock } = {}) =>
  buildCards({ rows, hours: 'hours' in opts ? opts.hours : {}, clock: opts.clock ?? AFTERNOON, names, today: TODAY, units }).find((c) => c.id === id)!;

describe('buildCards', () => {
  it('shows today’s steps so far against the same hours of the 7 days before, with where they came from', () => {
    const steps = [row('2026-07-13', 8000), row('2026-07-14', 6000), row(TODAY, 7700, { w: 6930, p: 770 })];
    const hours = [hour('2026-07-13', '09', 3000), hour('2026-07-13', '14', 2000), hour('2026-07-13', '16', 3000),
      hour('2026-07-14', '10', 4000), hour('2026-07-14', '18', 2000), hour(TODAY, '08', 5500), hour(TODAY, '15', 2200)];
    const c = card('steps', { STEPS: steps }, DEFAULT_UNITS, { hours: { STEPS: hours } });
    expect(c).toMatchObject({
      value: '7,700 steps',
      context: 'Today so far',
      change: { text: '+1,000 steps (+22 %)', direction: 'up' },
      basis: 'Compared up to 15:00: 5,500 steps today, 4,500 steps on average on the 7 days before (2 days with data).',
      sources: { text: 'Apple Watch 90 %, iPhone 10 %', of: 'share of the steps' },
      empty: null,
    });
    // Whole days only: today's part would read as a drop.
    expect(c.spark).toEqual([8000, 6000]);
  });

  it('never compares the steps of a day just begun with whole days (02:02: "1 steps · −100 %")', () => {
    const steps = [row('2026-07-13', 8000), row('2026-07-14', 6000), row(TODAY, 1)];
    const hours = [hour('2026-07-13', '01', 4), hour('2026-07-14', '23', 500), hour(TODAY, '00', 1)];
    const at0202 = clockAt(Date.parse(`${TODAY}T02:02:00Z`), 'UTC');
    const c = card('steps', { STEPS: steps }, DEFAULT_UNITS, { hours: { STEPS: hours }, clock: at0202 });
    expect(c).toMatchObject({ value: '1 step', context: 'Today so far', change: { text: '−1 step (−50 %)', direction: 'down' } });
    expect(c.basis).toBe('Compared up to 02:00: 1 step today, 2 steps on average on the 7 days before (2 days with data).');
    // Before the first whole hour, and without hourly data, there is nothing fair to compare.
    const at0030 = card('steps', { STEPS: steps }, DEFAULT_UNITS, { hours: { STEPS: hours }, clock: clockAt(Date.parse(`${TODAY}T00:30:00Z`), 'UTC') });
    expect(at0030).toMatchObject({ change: null, basis: 'Not compared yet: from 01:00, today is compared with the same hours of the 7 days before.' });
    expect(card('steps', { STEPS: steps }, DEFAULT_UNITS, { hours: undefined, clock: at0202 })).toMatchObject({ change: null, basis: 'Not compared: today is not over yet.' });
  });

  it('names a night still in progress and does not compare it (02:02: "1 h 35 min · −6 h 3 min")', () => {
    const sleep = [row('2026-07-13', 460), row('2026-07-14', 450), row(TODAY, 95)];
    const at0202 = clockAt(Date.parse(`${TODAY}T02:02:00Z`), 'UTC');
    const hours = { SLEEP_STATE: [hour('2026-07-14', '23', 35), hour(TODAY, '00', 60), hour(TODAY, '01', 0.5)] };
    const c = card('sleep', { SLEEP_STATE: sleep }, DEFAULT_UNITS, { hours, clock: at0202 });
    expect(c).toMatchObject({ value: '1 h 35 min', context: 'Tonight so far (may still be going on)', change: null });
    expect(c.basis).toBe('Compared with earlier nights once this one is over.');
    expect(c.spark).toEqual([7.67, 7.5]);
    // An hour and more without sleep: the night is over and is compared.
    const later = card('sleep', { SLEEP_STATE: sleep }, DEFAULT_UNITS, { hours, clock: clockAt(Date.parse(`${TODAY}T03:05:00Z`), 'UTC') });
    expect(later).toMatchObject({ context: 'Asleep last night', change: { text: '−6 h', direction: 'down' } });
  });

  it('says so when nothing came today yet, and when nothing came at all', () => {
    expect(card('steps', { STEPS: [row('2026-07-14', 6000)] }, DEFAULT_UNITS, { hours: { STEPS: [hour('2026-07-14', '09', 2500)] } })).toMatchObject({
      value: null, context: '', empty: 'No steps recorded today yet.', basis: 'Up to 15:00 on the 7 days before (1 day with data): 2,500 steps on average.', hasData: true,
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
    expect(c).toMatchObject({ value: '6.0 mmol/L', context: 'Today so far · average of 3 readings', change: null, basis: 'No data in the 7 days before to compare with.' });
  });
});

describe('buildCards in the reader’s language', () => {
  it('words the steps card in Hindi, numbers in lakh grouping, and Marathi in its own digits', () => {
    const steps = [row('2026-07-13', 8000), row('2026-07-14', 6000), row(TODAY, 123456, { w: 123456 })];
    const args = { rows: { STEPS: steps }, hours: {}, clock: AFTERNOON, names, today: TODAY, units: DEFAULT_UNITS };
    const hi = buildCards({ ...args, locale: 'hi' }).find((c) => c.id === 'steps')!;
    expect(hi).toMatchObject({ title: 'कदम', value: '1,23,456 कदम', context: 'आज अब तक', sources: { text: 'Apple Watch 100 %', of: 'कदमों में हिस्सा' } });
    const mr = buildCards({ ...args, locale: 'mr' }).find((c) => c.id === 'steps')!;
    expect(mr).toMatchObject({ value: '१,२३,४५६ पावले', sources: { text: 'Apple Watch १०० %' } });
    const en = buildCards(args).find((c) => c.id === 'steps')!;
    expect(en).toMatchObject({ title: 'Steps', value: '123,456 steps', context: 'Today so far' });
  });
});
