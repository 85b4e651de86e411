// Dose planning (issue 19) on known days and as properties over random schedules, zones and periods: every
// dose once (none twice, none lost), on the schedule's days and times, daylight-saving nights included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDate, localDateTime, zonedDayRangeUtc } from '../time';
import { nearestPlanned, plannedDoses, plansAnyDose, scheduleSchema, scheduleTimes, takenStatus, weekdayOf, WEEKDAYS, type Schedule } from './medication-schedule';

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number[]) => ms.map((x) => new Date(x).toISOString());
const wall = (ms: number, zone: string) => localDateTime(ms, zone).slice(11, 16);
const parse = (s: unknown) => scheduleSchema.parse(s);

describe('scheduleSchema: what a schedule may be', () => {
  it('accepts the four kinds, sorts the times', () => {
    expect(parse({ kind: 'daily', times: ['20:00', '08:00'] })).toEqual({ kind: 'daily', times: ['08:00', '20:00'] });
    expect(scheduleTimes(parse({ kind: 'interval', everyHours: 8, from: '06:00' }))).toEqual(['06:00', '14:00', '22:00']);
    expect(scheduleTimes(parse({ kind: 'interval', everyHours: 6, from: '09:30' }))).toEqual(['03:30', '09:30', '15:30', '21:30']);
    expect(parse({ kind: 'weekdays', days: ['MON', 'THU'], times: ['09:00'] })).toMatchObject({ days: ['MON', 'THU'] });
    expect(scheduleTimes(parse({ kind: 'asNeeded' }))).toEqual([]);
  });

  it.each([
    [{ kind: 'daily', times: [] }, 'times', 'at least one time'],
    [{ kind: 'daily', times: ['8:00'] }, 'times.0', 'HH:MM'],
    [{ kind: 'daily', times: ['24:00'] }, 'times.0', 'HH:MM'],
    [{ kind: 'daily', times: ['08:00', '08:00'] }, 'times', 'repeat'],
    [{ kind: 'interval', everyHours: 5, from: '08:00' }, 'everyHours', 'divide a day'],
    [{ kind: 'weekdays', days: [], times: ['08:00'] }, 'days', 'at least one weekday'],
    [{ kind: 'weekdays', days: ['Monday'], times: ['08:00'] }, 'days.0', 'weekdays'],
    [{ kind: 'hourly' }, 'kind', 'daily | interval'],
    [{ kind: 'daily', times: ['08:00'], extra: 1 }, '', 'extra'],
  ])('refuses %j naming %s', (input, path, words) => {
    const result = scheduleSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path.join('.')).toBe(path);
    expect(JSON.stringify(result.error!.issues)).toContain(words);
  });
});

describe('plannedDoses on known days', () => {
  const daily = (...times: string[]): Schedule => ({ kind: 'daily', times });
  const always = { startedOn: '2020-01-01', endedOn: null };

  it('the local times in the patient’s zone, every day of the period', () => {
    const doses = plannedDoses(daily('08:00', '20:00'), always, 'Asia/Kolkata', at('2026-11-10T00:00:00+05:30'), at('2026-11-12T00:00:00+05:30'));
    expect(iso(doses)).toEqual(['2026-11-10T02:30:00.000Z', '2026-11-10T14:30:00.000Z', '2026-11-11T02:30:00.000Z', '2026-11-11T14:30:00.000Z']);
  });

  it('spring forward: a 02:30 dose still happens once, moved forward by the gap (03:30)', () => {
    const day = zonedDayRangeUtc('2026-03-29', 'Europe/Berlin');
    const doses = plannedDoses(daily('02:30'), always, 'Europe/Berlin', day.startMs, day.endMs);
    expect(doses).toHaveLength(1);
    expect(wall(doses[0]!, 'Europe/Berlin')).toBe('03:30');
    // 02:00 and 02:30 are both in the gap: two doses, 03:00 and 03:30.
    expect(plannedDoses(daily('02:00', '02:30'), always, 'Europe/Berlin', day.startMs, day.endMs).map((x) => wall(x, 'Europe/Berlin'))).toEqual(['03:00', '03:30']);
  });

  it('fall back: a 02:30 dose the clock passes twice is due at its first pass only', () => {
    const day = zonedDayRangeUtc('2026-10-25', 'Europe/Berlin');
    const doses = plannedDoses(daily('02:30'), always, 'Europe/Berlin', day.startMs, day.endMs);
    expect(iso(doses)).toEqual(['2026-10-25T00:30:00.000Z']); // 02:30 CEST
  });

  it('from the start day to the end day, both included; weekdays only on their days', () => {
    const from = at('2026-11-01T00:00:00Z');
    const to = at('2026-11-30T00:00:00Z');
    const doses = plannedDoses(daily('09:00'), { startedOn: '2026-11-10', endedOn: '2026-11-12' }, 'UTC', from, to);
    expect(doses.map((x) => localDate(x, 'UTC'))).toEqual(['2026-11-10', '2026-11-11', '2026-11-12']);
    const weekly = plannedDoses({ kind: 'weekdays', days: ['MON', 'FRI'], times: ['09:00'] }, always, 'UTC', from, to);
    expect(weekly.map((x) => weekdayOf(localDate(x, 'UTC')))).toEqual(Array.from({ length: weekly.length }, (_, i) => (i % 2 === 0 ? 'MON' : 'FRI')));
    expect(weekly).toHaveLength(8);
  });

  it('as needed plans nothing; a schedule whose days never come plans nothing', () => {
    expect(plannedDoses({ kind: 'asNeeded' }, always, 'UTC', 0, at('2030-01-01T00:00:00Z'))).toEqual([]);
    expect(plansAnyDose({ kind: 'asNeeded' }, always, 'UTC')).toBe(true);
    expect(plansAnyDose({ kind: 'weekdays', days: ['MON'], times: ['09:00'] }, { startedOn: '2026-11-10', endedOn: '2026-11-12' }, 'UTC')).toBe(false); // Tue–Thu
    expect(plansAnyDose({ kind: 'weekdays', days: ['WED'], times: ['09:00'] }, { startedOn: '2026-11-10', endedOn: '2026-11-12' }, 'UTC')).toBe(true);
    expect(plansAnyDose(daily('09:00'), { startedOn: '2026-11-10', endedOn: null }, 'Pacific/Kiritimati')).toBe(true);
  });
});

describe('which dose a log belongs to', () => {
  const planned = [at('2026-11-10T08:00:00Z'), at('2026-11-10T20:00:00Z')];
  it('the nearest planned dose within the grace window, else none (an extra dose)', () => {
    expect(nearestPlanned(planned, at('2026-11-10T08:40:00Z'))).toBe(planned[0]);
    expect(nearestPlanned(planned, at('2026-11-10T07:00:00Z'))).toBe(planned[0]); // exactly 60 min early
    expect(nearestPlanned(planned, at('2026-11-10T09:01:00Z'))).toBeNull();
    expect(nearestPlanned(planned, at('2026-11-10T19:30:00Z'), 30)).toBe(planned[1]);
  });
  it('on time until the grace window after it ends; late after', () => {
    expect(takenStatus(planned[0]!, planned[0]! + 60 * MIN)).toBe('TAKEN');
    expect(takenStatus(planned[0]!, planned[0]! + 61 * MIN)).toBe('TAKEN_LATE');
    expect(takenStatus(planned[0]!, planned[0]! - 3 * HOUR)).toBe('TAKEN');
  });
});

// ─────────── properties ───────────

const ZONES = ['UTC', 'Asia/Kolkata', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kathmandu'] as const;
const timeArb = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45, 59)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const timesArb = fc.uniqueArray(timeArb, { minLength: 1, maxLength: 5 });
const scheduleArb: fc.Arbitrary<Schedule> = fc.oneof(
  timesArb.map((times) => parse({ kind: 'daily', times })),
  fc.tuple(fc.constantFrom(1, 2, 3, 4, 6, 8, 12, 24), timeArb).map(([everyHours, from]) => parse({ kind: 'interval', everyHours, from })),
  fc.tuple(fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }), timesArb).map(([days, times]) => parse({ kind: 'weekdays', days, times })),
);
// Periods around the year's transitions (March/April, September/October/November) and quiet months.
const caseArb = fc.record({
  schedule: scheduleArb,
  zone: fc.constantFrom(...ZONES),
  startDay: fc.integer({ min: 0, max: 364 }).map((d) => addDays('2026-01-01', d)),
  length: fc.integer({ min: 1, max: 20 }),
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
  ended: fc.option(fc.integer({ min: 0, max: 25 }), { nil: null }),
});

describe('plannedDoses properties', () => {
  it('each planned (day, time) once, on its day, at its time (or moved forward out of a gap), ascending; none twice', () => {
    fc.assert(
      fc.property(caseArb, ({ schedule, zone, startDay, length, ended }) => {
        const window = { startedOn: addDays(startDay, -3), endedOn: ended === null ? null : addDays(startDay, ended) };
        const fromMs = zonedDayRangeUtc(startDay, zone).startMs;
        const lastDay = addDays(startDay, length - 1);
        const toMs = zonedDayRangeUtc(lastDay, zone).endMs;
        const doses = plannedDoses(schedule, window, zone, fromMs, toMs);
        for (let i = 1; i < doses.length; i++) expect(doses[i]!).toBeGreaterThan(doses[i - 1]!);
        // Expected: every (day, time) of the days in range, on the schedule's days, within the window.
        const times = scheduleTimes(schedule);
        let expected = 0;
        for (let day = startDay; day <= lastDay; day = addDays(day, 1)) {
          if (window.endedOn !== null && day > window.endedOn) break;
          if (schedule.kind === 'weekdays' && !schedule.days.includes(weekdayOf(day))) continue;
          expected += times.length;
        }
        const transitions = new Set<string>();
        for (let day = startDay; day <= lastDay; day = addDays(day, 1)) {
          const r = zonedDayRangeUtc(day, zone);
          if (r.endMs - r.startMs !== 86_400_000) transitions.add(day);
        }
        // Only a day with a transition may merge two times into one instant.
        if (transitions.size === 0) expect(doses).toHaveLength(expected);
        else expect(doses.length).toBeLessThanOrEqual(expected);
        for (const dose of doses) {
          const day = localDate(dose, zone);
          expect(day >= startDay && day <= lastDay).toBe(true);
          if (window.endedOn !== null) expect(day <= window.endedOn).toBe(true);
          if (schedule.kind === 'weekdays') expect(schedule.days).toContain(weekdayOf(day));
          if (!transitions.has(day)) expect(times).toContain(wall(dose, zone));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('none lost on a transition night: each time of the day is due once (or shares an instant with another time)', () => {
    fc.assert(
      fc.property(timesArb, fc.constantFrom(...ZONES.filter((z) => z !== 'UTC' && z !== 'Asia/Kolkata' && z !== 'Asia/Kathmandu')), (times, zone) => {
        for (const month of ['2026-03', '2026-04', '2026-09', '2026-10', '2026-11']) {
          for (let d = 1; d <= 30; d++) {
            const day = `${month}-${String(d).padStart(2, '0')}`;
            const r = zonedDayRangeUtc(day, zone);
            if (r.endMs - r.startMs === 86_400_000) continue;
            const doses = plannedDoses({ kind: 'daily', times: [...times].sort() }, { startedOn: '2026-01-01', endedOn: null }, zone, r.startMs, r.endMs);
            const one = (t: string) => plannedDoses({ kind: 'daily', times: [t] }, { startedOn: '2026-01-01', endedOn: null }, zone, r.startMs, r.endMs);
            // Each time alone plans exactly one dose that day, and the day's doses are exactly those.
            const each = times.map(one);
            for (const single of each) expect(single).toHaveLength(1);
            expect(doses).toEqual([...new Set(each.flat())].sort((a, b) => a - b));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a period cut in two plans the same doses as the whole', () => {
    fc.assert(
      fc.property(caseArb, ({ schedule, zone, startDay, length, cut }) => {
        const window = { startedOn: '2025-12-01', endedOn: null };
        const fromMs = zonedDayRangeUtc(startDay, zone).startMs;
        const toMs = zonedDayRangeUtc(addDays(startDay, length - 1), zone).endMs;
        const middle = Math.floor(fromMs + cut * (toMs - fromMs));
        const whole = plannedDoses(schedule, window, zone, fromMs, toMs);
        expect([...plannedDoses(schedule, window, zone, fromMs, middle), ...plannedDoses(schedule, window, zone, middle, toMs)]).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});
