import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, planMove, rankDevices, type Ranked } from './priority-order';

const ids = (list: readonly Ranked[]) => rankDevices(list).map((d) => d.id);

describe('planMove', () => {
  const devices = [
    { id: 'a-watch', priority: 100 },
    { id: 'b-phone', priority: 80 },
    { id: 'c-scale', priority: 40 },
    { id: 'd-cuff', priority: 40 },
    { id: 'e-manual', priority: 10 },
  ];

  it('changes only the moved device when there is room between its new neighbours', () => {
    expect(planMove(devices, 'c-scale', 'up')).toEqual([{ id: 'c-scale', priority: 90 }]);
    expect(planMove(devices, 'b-phone', 'up')).toEqual([{ id: 'b-phone', priority: 110 }]);
    expect(planMove(devices, 'd-cuff', 'down')).toEqual([{ id: 'd-cuff', priority: 0 }]);
  });

  it('else moves the neighbour the other way, still one change', () => {
    // b-phone cannot sit between the two 40s (its id sorts first), but c-scale fits between 100 and 80.
    expect(planMove(devices, 'b-phone', 'down')).toEqual([{ id: 'c-scale', priority: 90 }]);
  });

  it('passes a device of equal priority (ties go by id)', () => {
    const changes = planMove(devices, 'd-cuff', 'up');
    expect(changes).toHaveLength(1);
    expect(ids(applyChanges(devices, changes))).toEqual(['a-watch', 'b-phone', 'd-cuff', 'c-scale', 'e-manual']);
  });

  it('cannot move the first up or the last down', () => {
    expect(planMove(devices, 'a-watch', 'up')).toEqual([]);
    expect(planMove(devices, 'e-manual', 'down')).toEqual([]);
    expect(planMove(devices, 'unknown', 'up')).toEqual([]);
  });

  it('renumbers as little as possible when there is no room', () => {
    const tight = [{ id: 'a', priority: 42 }, { id: 'b', priority: 41 }, { id: 'c', priority: 40 }];
    const changes = planMove(tight, 'a', 'down');
    expect(ids(applyChanges(tight, changes))).toEqual(['b', 'a', 'c']);
    const full = [{ id: 'b', priority: 1000 }, { id: 'a', priority: 1000 }];
    expect(ids(applyChanges(full, planMove(full, 'b', 'up')))).toEqual(['b', 'a']);
    const floor = [{ id: 'a', priority: 1 }, { id: 'b', priority: 0 }, { id: 'c', priority: 0 }];
    expect(ids(applyChanges(floor, planMove(floor, 'c', 'up')))).toEqual(['a', 'c', 'b']);
  });

  it('always swaps exactly the two neighbours and keeps priorities in range (property)', () => {
    const list = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[0-9a-f]{4}$/), priority: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0, 1, 40, 41, 999, 1000)) }), {
      minLength: 2, maxLength: 8, selector: (d) => d.id,
    });
    fc.assert(
      fc.property(list, fc.nat(), fc.boolean(), (devices, pick, up) => {
        const ranked = rankDevices(devices);
        const index = pick % ranked.length;
        const target = up ? index - 1 : index + 1;
        const changes = planMove(devices, ranked[index]!.id, up ? 'up' : 'down');
        if (target < 0 || target >= ranked.length) return changes.length === 0;
        const expected = ranked.map((d) => d.id);
        [expected[index], expected[target]] = [expected[target]!, expected[index]!];
        expect(ids(applyChanges(devices, changes))).toEqual(expected);
        for (const c of changes) expect(c.priority >= 0 && c.priority <= 1000 && Number.isInteger(c.priority)).toBe(true);
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});
