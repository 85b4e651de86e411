import { describe, expect, it } from 'vitest';
import { describeShares, sourceShares } from './sources';

const names = new Map([['w', 'Apple Watch'], ['p', 'iPhone'], ['s', 'Scale']]);

describe('sourceShares', () => {
  it('names each device and gives whole percentages, largest first', () => {
    expect(sourceShares({ p: 100, w: 900 }, names)).toEqual([
      { deviceId: 'w', name: 'Apple Watch', amount: 900, percent: 90 },
      { deviceId: 'p', name: 'iPhone', amount: 100, percent: 10 },
    ]);
  });

  it('always adds up to 100', () => {
    for (const sources of <Record<string, number>[]>[{ w: 1, p: 1, s: 1 }, { w: 2, p: 1, s: 1 }, { w: 0.2, p: 99.8 }, { w: 123.4, p: 567.8, s: 9.1 }]) {
      expect(sourceShares(sources, names).reduce((s, x) => s + x.percent, 0)).toBe(100);
    }
    expect(sourceShares({ w: 1, p: 1, s: 1 }, names).map((s) => s.percent).sort()).toEqual([33, 33, 34]);
  });

  it('counts devices it cannot name, and leaves out zero shares', () => {
    expect(sourceShares({ gone: 1, w: 3, p: 0 }, names).map((s) => [s.name, s.percent])).toEqual([['Apple Watch', 75], ['Removed source', 25]]);
    expect(sourceShares({}, names)).toEqual([]);
  });
});

describe('describeShares', () => {
  it('reads as a short list, with tiny shares as "<1 %"', () => {
    expect(describeShares(sourceShares({ w: 900, p: 100 }, names))).toBe('Apple Watch 90 %, iPhone 10 %');
    expect(describeShares(sourceShares({ w: 999, p: 1 }, names))).toBe('Apple Watch 100 %, iPhone <1 %');
  });
});
