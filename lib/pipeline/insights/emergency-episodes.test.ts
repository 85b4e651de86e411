import { describe, expect, it } from 'vitest';
import { type AlertReading, DEFAULT_ALERT_THRESHOLDS as T, observeAlerts } from './alerts';
import { applyEpisodeChanges, type Episode, planEpisodes } from './emergency-episodes';
import { MIN_MS, NOW_MS } from './test-days';

const glucose = (value: number, minutesAgo: number): AlertReading => ({ type: 'BLOOD_GLUCOSE', atMs: NOW_MS - minutesAgo * MIN_MS, value });
const plan = (readings: AlertReading[], episodes: Episode[] = []) => planEpisodes({ observations: observeAlerts(readings, T), episodes, thresholds: T });
let ids = 0;
const apply = (episodes: Episode[], readings: AlertReading[]) => applyEpisodeChanges(episodes, plan(readings, episodes), () => `e${++ids}`);
const resolve = (episodes: Episode[], minutesAgo: number) => episodes.map((e) => ({ ...e, resolvedAtMs: e.resolvedAtMs ?? NOW_MS - minutesAgo * MIN_MS }));

describe('planEpisodes', () => {
  it('opens a low episode at its first reading, with its worst reading, and notifies once', () => {
    const changes = plan([glucose(110, 60), glucose(48, 30), glucose(45, 20)]);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ episodeId: null, kind: 'GLUCOSE_LOW', startedAtMs: NOW_MS - 30 * MIN_MS });
    expect(changes[0]!.worst.details.mgdl).toBe(45);
    expect(changes[0]!.notice).toMatchObject({ reason: 'OPENED', reading: { details: { mgdl: 45 } } });
    expect(changes[0]!.add.map((a) => [a.kind, a.details.mgdl])).toEqual([['READING', 48], ['READING', 45]]);
  });

  it('a worse reading in an open episode is recorded, becomes the worst and notifies again (finding 2)', () => {
    const opened = apply([], [glucose(45, 30)]);
    const changes = plan([glucose(45, 30), glucose(32, 10)], opened);
    expect(changes).toEqual([
      expect.objectContaining({
        episodeId: opened[0]!.id,
        startedAtMs: NOW_MS - 30 * MIN_MS,
        worst: { atMs: NOW_MS - 10 * MIN_MS, details: { mgdl: 32, thresholdMgDl: 54 } },
        add: [{ kind: 'READING', atMs: NOW_MS - 10 * MIN_MS, details: { mgdl: 32, thresholdMgDl: 54 }, worsened: true }],
        notice: { reason: 'WORSENED', reading: { atMs: NOW_MS - 10 * MIN_MS, details: { mgdl: 32, thresholdMgDl: 54 } }, previousWorst: opened[0]!.worst },
      }),
    ]);
  });

  it('a reading no worse is recorded without a notification', () => {
    const opened = apply([], [glucose(45, 30)]);
    const [change] = plan([glucose(45, 30), glucose(50, 10)], opened);
    expect(change!.notice).toBeNull();
    expect(change!.worst.details.mgdl).toBe(45);
    expect(change!.add.map((a) => a.details.mgdl)).toEqual([50]);
  });

  it('a reading back in range records the recovery once; a reading between 54 and 70 is not one', () => {
    const opened = apply([], [glucose(45, 30)]);
    const readings = [glucose(45, 30), glucose(62, 20), glucose(95, 10), glucose(120, 5)];
    const [change] = plan(readings, opened);
    expect(change!.add).toEqual([{ kind: 'RECOVERY', atMs: NOW_MS - 10 * MIN_MS, details: { mgdl: 95 }, worsened: false }]);
    expect(change!.notice).toBeNull();
    expect(plan(readings, applyEpisodeChanges(opened, [change!], () => 'x'))).toEqual([]);
  });

  it('a reading taken after the resolution opens a new episode', () => {
    const resolved = resolve(apply([], [glucose(45, 60)]), 40);
    const changes = plan([glucose(45, 60), glucose(50, 5)], resolved);
    expect(changes.map((c) => [c.episodeId, c.notice?.reason])).toEqual([[null, 'OPENED']]);
  });

  it('a reading taken before the resolution but arriving after it is recorded on the resolved episode (finding 2)', () => {
    const resolved = resolve(apply([], [glucose(45, 60)]), 40);
    const [late] = plan([glucose(45, 60), glucose(51, 52)], resolved);
    expect(late).toMatchObject({ episodeId: resolved[0]!.id, notice: null, add: [{ kind: 'READING', details: { mgdl: 51 } }] });
    const [worse] = plan([glucose(45, 60), glucose(40, 52)], resolved);
    expect(worse!.notice).toMatchObject({ reason: 'LATE_WORSE', reading: { details: { mgdl: 40 } }, previousWorst: { details: { mgdl: 45 } } });
  });

  it('a late reading taken before the episode started moves its start back', () => {
    const opened = apply([], [glucose(45, 30)]);
    const [change] = plan([glucose(45, 30), glucose(50, 50)], opened);
    expect(change).toMatchObject({ episodeId: opened[0]!.id, startedAtMs: NOW_MS - 50 * MIN_MS, notice: null });
  });

  it('high glucose and blood pressure: worse readings and recoveries', () => {
    const highs = apply([], [glucose(320, 40)]);
    const [worse] = plan([glucose(320, 40), glucose(410, 30), glucose(170, 10)], highs);
    expect(worse!.notice).toMatchObject({ reason: 'WORSENED', reading: { details: { mgdl: 410 } } });
    expect(worse!.add.map((a) => [a.kind, a.details.mgdl])).toEqual([['READING', 410], ['RECOVERY', 170]]);

    const bp = (s: number, d: number, minutesAgo: number): AlertReading[] => [
      { type: 'BLOOD_PRESSURE_SYSTOLIC', atMs: NOW_MS - minutesAgo * MIN_MS, value: s },
      { type: 'BLOOD_PRESSURE_DIASTOLIC', atMs: NOW_MS - minutesAgo * MIN_MS, value: d },
    ];
    const crisis = apply([], bp(185, 95, 60));
    const [more] = plan([...bp(185, 95, 60), ...bp(200, 125, 40), ...bp(150, 90, 10)], crisis);
    expect(more!.notice).toMatchObject({ reason: 'WORSENED', reading: { details: { systolic: 200, diastolic: 125 } } });
    expect(more!.add.map((a) => a.kind)).toEqual(['READING', 'RECOVERY']);
  });
});
