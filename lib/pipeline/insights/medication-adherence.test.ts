import { describe, expect, it } from 'vitest';
import { medicationAdherence, type MedicationLog, type MedicationLogStatus } from './medication-adherence';
import { DAY_MS, NOW_MS } from './test-days';

/** `n` doses with one status, one every 6 hours going back from `startAgoMs` before now. */
const doses = (status: MedicationLogStatus, n: number, startAgoMs = 0): MedicationLog[] =>
  Array.from({ length: n }, (_, i) => ({ scheduledAtMs: NOW_MS - startAgoMs - i * 3_600_000, status }));
const run = (logs: MedicationLog[]) => medicationAdherence({ logs, nowMs: NOW_MS });
/** 100 doses this week, `taken` of them taken. */
const week = (taken: number) => run([...doses('TAKEN', taken), ...doses('MISSED', 100 - taken, taken * 3_600_000)]);

describe('medicationAdherence: data needed and windows', () => {
  it('no doses at all: no insight', () => {
    expect(run([])).toBeNull();
  });

  it('doses only before the last 7 days: no insight', () => {
    expect(run(doses('MISSED', 10, 8 * DAY_MS))).toBeNull();
  });

  it('doses not yet due do not count', () => {
    expect(run([{ scheduledAtMs: NOW_MS + 1, status: 'MISSED' }])).toBeNull();
  });

  it('the 7-day window is (now − 7 d, now]', () => {
    expect(run([{ scheduledAtMs: NOW_MS - 7 * DAY_MS, status: 'TAKEN' }])).toBeNull();
    expect(run([{ scheduledAtMs: NOW_MS - 7 * DAY_MS + 1, status: 'TAKEN' }])?.data.scheduled7d).toBe(1);
    expect(run([{ scheduledAtMs: NOW_MS, status: 'TAKEN' }])?.data.scheduled7d).toBe(1);
  });

  it('the 30-day window is (now − 30 d, now] and includes the week', () => {
    const logs = [
      ...doses('TAKEN', 1),
      { scheduledAtMs: NOW_MS - 30 * DAY_MS + 1, status: 'MISSED' as const },
      { scheduledAtMs: NOW_MS - 30 * DAY_MS, status: 'MISSED' as const },
    ];
    expect(run(logs)?.data).toMatchObject({ scheduled7d: 1, scheduled30d: 2, missed30d: 1 });
  });

  it('labels the window with local days', () => {
    const result = medicationAdherence({ logs: doses('TAKEN', 1), nowMs: Date.parse('2024-03-15T23:30:00Z'), timeZone: 'Asia/Tokyo' });
    expect([result?.windowStart, result?.windowEnd]).toEqual(['2024-02-15', '2024-03-16']);
  });
});

describe('medicationAdherence: thresholds on the 7-day share (50 %, 80 %)', () => {
  it.each([
    [49, 'HIGH'],
    [50, 'MEDIUM'],
    [51, 'MEDIUM'],
    [79, 'MEDIUM'],
    [80, 'INFO'],
    [81, 'INFO'],
    [100, 'INFO'],
    [0, 'HIGH'],
  ])('%s of 100 taken → %s', (taken, severity) => {
    expect(week(taken)?.severity).toBe(severity);
  });

  it('severity follows the week, not the month', () => {
    const logs = [...doses('TAKEN', 10), ...doses('MISSED', 60, 8 * DAY_MS)];
    expect(run(logs)).toMatchObject({ severity: 'INFO', data: { adherence7d: 100, adherence30d: 14.3 } });
  });
});

describe('medicationAdherence: what counts as taken', () => {
  it('taken late counts as taken; skipped counts against, like missed', () => {
    const logs = [...doses('TAKEN', 2), ...doses('TAKEN_LATE', 2, 2 * 3_600_000), ...doses('SKIPPED', 1, 4 * 3_600_000)];
    expect(run(logs)?.data).toMatchObject({ adherence7d: 80, taken7d: 2, takenLate7d: 2, skipped7d: 1, missed7d: 0 });
  });

  it('reports both windows and every status count', () => {
    const logs = [
      ...doses('TAKEN', 3),
      ...doses('MISSED', 1, 3 * 3_600_000),
      ...doses('TAKEN_LATE', 4, 10 * DAY_MS),
      ...doses('SKIPPED', 2, 20 * DAY_MS),
    ];
    const result = run(logs);
    expect(result).toMatchObject({ kind: 'MEDICATION_ADHERENCE', severity: 'MEDIUM' });
    expect(result?.data).toEqual({
      adherence7d: 75,
      adherence30d: 70,
      scheduled7d: 4,
      taken7d: 3,
      takenLate7d: 0,
      missed7d: 1,
      skipped7d: 0,
      scheduled30d: 10,
      taken30d: 3,
      takenLate30d: 4,
      missed30d: 1,
      skipped30d: 2,
    });
  });
});
