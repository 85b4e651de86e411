// The worked examples of shared/design/dedup.md, exactly as written there.

import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate';
import { dedupSamples } from './dedup';
import { BLOOD_PRESSURE, GLUCOSE, HEART_RATE, reading, sample, SLEEP, STEPS } from './test-factories';

const TZ = 'Europe/Berlin';

describe('dedup.md worked examples', () => {
  it('1. watch 1,000 steps 10:00–10:10, phone 1,500 10:00–10:15 → hour 1,500 (watch 1,000, phone 500)', () => {
    const samples = [sample('watch', '2024-06-12T10:00', '2024-06-12T10:10', 1000), sample('phone', '2024-06-12T10:00', '2024-06-12T10:15', 1500)];
    const [hour] = aggregate({ contributions: dedupSamples(samples, STEPS), rules: STEPS, timeZone: TZ, periods: ['HOUR'] });
    expect(hour.periodStart).toBe('2024-06-12T10:00:00');
    expect(hour.value).toBeCloseTo(1500, 9);
    expect(hour.sources.watch).toBeCloseTo(1000, 9);
    expect(hour.sources.phone).toBeCloseTo(500, 9);
  });

  it('2. watch off-wrist, phone 2,400 steps 12:00–13:00 → 2,400, all phone', () => {
    const samples = [sample('phone', '2024-06-12T12:00', '2024-06-12T13:00', 2400)];
    const rows = aggregate({ contributions: dedupSamples(samples, STEPS), rules: STEPS, timeZone: TZ, periods: ['HOUR', 'DAY'] });
    expect(rows.map((r) => [r.period, r.periodStart, r.value, r.sources])).toEqual([
      ['HOUR', '2024-06-12T12:00:00', 2400, { phone: 2400 }],
      ['DAY', '2024-06-12T00:00:00', 2400, { phone: 2400 }],
    ]);
  });

  it('3. HR 72 (watch 08:00:10), 75 (phone 08:00:40), 90 (phone 08:05) → average 81, min 72, max 90, count 2', () => {
    const samples = [reading('watch', '2024-06-12T08:00:10', 72), reading('phone', '2024-06-12T08:00:40', 75), reading('phone', '2024-06-12T08:05:00', 90)];
    const kept = dedupSamples(samples, HEART_RATE);
    expect(kept.map((c) => c.value)).toEqual([72, 90]);
    const [hour] = aggregate({ contributions: kept, rules: HEART_RATE, timeZone: TZ, periods: ['HOUR'] });
    expect(hour).toEqual({ period: 'HOUR', periodStart: '2024-06-12T08:00:00', value: 81, min: 72, max: 90, count: 2, sources: { phone: 1, watch: 1 } });
  });

  it('4. cuff BP 120/80 09:00; export copy 09:02 dropped; cuff again 09:03 kept; phone 142/91 09:04 kept (a recheck)', () => {
    // Systolic and diastolic are deduplicated as two types, each within 2 mmHg.
    for (const [half, first, second, recheck] of [['systolic', 120, 118, 142], ['diastolic', 80, 79, 91]] as const) {
      const samples = [
        reading('cuff', '2024-06-12T09:00', first),
        reading('export', '2024-06-12T09:02', first),
        reading('cuff', '2024-06-12T09:03', second),
        reading('phone', '2024-06-12T09:04', recheck),
      ];
      const kept = dedupSamples(samples, BLOOD_PRESSURE);
      expect(kept.map((c) => [c.sample.deviceId, c.value]), half).toEqual([['cuff', first], ['cuff', second], ['phone', recheck]]);
    }
  });

  it('5. sleep 23:10–02:00 and 02:20–06:45 → one session, 7 h 15 min on the day of 06:45', () => {
    const samples = [sample('watch', '2024-06-11T23:10', '2024-06-12T02:00', 0, { category: 'asleep' }), sample('watch', '2024-06-12T02:20', '2024-06-12T06:45', 0, { category: 'asleep' })];
    const rows = aggregate({ contributions: dedupSamples(samples, SLEEP), rules: SLEEP, timeZone: TZ });
    const days = rows.filter((r) => r.period === 'DAY');
    expect(days.map((r) => [r.periodStart, r.value])).toEqual([['2024-06-12T00:00:00', 435]]);
    const hours = rows.filter((r) => r.period === 'HOUR');
    expect(hours[0]).toMatchObject({ periodStart: '2024-06-11T23:00:00', value: 50 });
    expect(hours.reduce((total, r) => total + r.value, 0)).toBeCloseTo(435, 9);
  });

  it('6. meter 48 mg/dL 03:10, manual 112 03:13 → both kept, average 80, min 48, max 112, count 2; export copy of 48 at 03:11 dropped', () => {
    const samples = [reading('meter', '2024-06-12T03:10', 48), reading('manual', '2024-06-12T03:13', 112), reading('export', '2024-06-12T03:11', 48)];
    const kept = dedupSamples(samples, GLUCOSE);
    expect(kept.map((c) => [c.sample.deviceId, c.value])).toEqual([['meter', 48], ['manual', 112]]);
    const [hour] = aggregate({ contributions: kept, rules: GLUCOSE, timeZone: TZ, periods: ['HOUR'] });
    expect(hour).toEqual({ period: 'HOUR', periodStart: '2024-06-12T03:00:00', value: 80, min: 48, max: 112, count: 2, sources: { manual: 1, meter: 1 } });
  });

  it('CGM and meter glucose never cancel each other; two uploaders of one CGM within 60 s and 2 mg/dL are one', () => {
    const samples = [
      reading('cgm', '2024-06-12T03:10:00', 50, { stream: 'cgm' }),
      reading('export', '2024-06-12T03:10:30', 51, { stream: 'cgm' }), // the same sensor reading, relayed: dropped
      reading('export', '2024-06-12T03:11:30', 52, { stream: 'cgm' }), // 90 s later: the next reading
      reading('meter', '2024-06-12T03:10:00', 50), // a fingerstick at the same moment: another measurement
    ];
    const kept = dedupSamples(samples, GLUCOSE);
    expect(kept.map((c) => [c.sample.deviceId, c.value])).toEqual([['cgm', 50], ['meter', 50], ['export', 52]]);
  });
});
