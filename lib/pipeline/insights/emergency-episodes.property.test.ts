import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AlertReading, DEFAULT_ALERT_THRESHOLDS as T, observeAlerts } from './alerts';
import { applyEpisodeChanges, type Episode, planEpisodes } from './emergency-episodes';

const MIN = 60_000;
const at = fc.integer({ min: 0, max: 240 }).map((m) => m * MIN);
const readingArb: fc.Arbitrary<AlertReading> = fc.oneof(
  fc.record({ type: fc.constant('BLOOD_GLUCOSE' as const), atMs: at, value: fc.integer({ min: 20, max: 450 }) }),
  fc.record({ type: fc.constant('BLOOD_PRESSURE_SYSTOLIC' as const), atMs: at, value: fc.integer({ min: 100, max: 240 }) }),
  fc.record({ type: fc.constant('BLOOD_PRESSURE_DIASTOLIC' as const), atMs: at, value: fc.integer({ min: 60, max: 150 }) }),
);
// Glucose only for arrival-order properties: blood pressure pairing may pair differently when one
// side of a measurement arrives without the other (a recorded half stays recorded).
const glucoseArb = fc.record({ type: fc.constant('BLOOD_GLUCOSE' as const), atMs: at, value: fc.integer({ min: 20, max: 450 }) });
// A resolved low episode in the middle of the window, so late readings and new episodes both occur.
const resolvedLow: Episode = { id: 'resolved', kind: 'GLUCOSE_LOW', startedAtMs: 100 * MIN, resolvedAtMs: 120 * MIN, worst: { atMs: 100 * MIN, details: { mgdl: 45, thresholdMgDl: 54 } }, entries: [{ kind: 'READING', atMs: 100 * MIN, details: { mgdl: 45, thresholdMgDl: 54 } }] };
const startArb = fc.constantFrom<Episode[]>([], [resolvedLow]);

let n = 0;
function pass(episodes: Episode[], readings: AlertReading[]) {
  const changes = planEpisodes({ observations: observeAlerts(readings, T), episodes, thresholds: T });
  return { changes, episodes: applyEpisodeChanges(episodes, changes, () => `new-${++n}`) };
}
/** What an episode holds, without ids or the order its entries were recorded in. */
const shape = (episodes: Episode[], kinds: Episode['entries'][number]['kind'][] = ['READING', 'RECOVERY']) =>
  episodes
    .map((e) => ({
      kind: e.kind, startedAtMs: e.startedAtMs, resolvedAtMs: e.resolvedAtMs, worst: e.worst,
      entries: e.entries.filter((x) => kinds.includes(x.kind)).map((x) => `${x.kind}@${x.atMs}:${JSON.stringify(x.details)}`).sort(),
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.startedAtMs - b.startedAtMs);

describe('planEpisodes properties', () => {
  it('passing the same readings again changes nothing and notifies no one', () => {
    fc.assert(
      fc.property(fc.array(readingArb, { maxLength: 40 }), startArb, (readings, start) => {
        const first = pass(start, readings);
        expect(pass(first.episodes, readings).changes).toEqual([]);
        expect(pass(first.episodes, [...readings].reverse()).changes).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('the order in which readings arrive does not change the episodes, their worst or their readings', () => {
    fc.assert(
      fc.property(fc.array(glucoseArb, { maxLength: 30 }), fc.array(glucoseArb, { maxLength: 30 }), startArb, (a, b, start) => {
        const together = pass(start, [...a, ...b]).episodes;
        // Each pass sees every reading stored so far, as the pipeline does.
        const aFirst = pass(pass(start, a).episodes, [...a, ...b]).episodes;
        const bFirst = pass(pass(start, b).episodes, [...b, ...a]).episodes;
        expect(shape(aFirst, ['READING'])).toEqual(shape(together, ['READING']));
        expect(shape(bFirst, ['READING'])).toEqual(shape(together, ['READING']));
      }),
      { numRuns: 400 },
    );
  });

  it('at most one unresolved episode per kind; each notice is more severe than what came before', () => {
    fc.assert(
      fc.property(fc.array(readingArb, { maxLength: 30 }), fc.array(readingArb, { maxLength: 10 }), startArb, (a, b, start) => {
        const first = pass(start, a);
        const second = pass(first.episodes, [...a, ...b]);
        for (const kind of ['GLUCOSE_LOW', 'GLUCOSE_HIGH', 'BLOOD_PRESSURE_CRISIS']) {
          expect(second.episodes.filter((e) => e.kind === kind && e.resolvedAtMs === null).length).toBeLessThanOrEqual(1);
        }
        for (const c of second.changes) {
          if (c.notice?.reason === 'WORSENED' || c.notice?.reason === 'LATE_WORSE') {
            const before = first.episodes.find((e) => e.id === c.episodeId)!;
            expect(c.notice.previousWorst).toEqual(before.worst);
            expect(JSON.stringify(c.notice.reading)).not.toEqual(JSON.stringify(before.worst));
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
