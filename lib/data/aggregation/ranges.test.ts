import { describe, expect, it } from 'vitest';
import { mergeRanges, withoutMonths } from './recompute-user';

describe('day ranges', () => {
  it('merges overlapping and adjacent ranges', () => {
    expect(mergeRanges([{ from: '2026-01-05', to: '2026-01-07' }, { from: '2026-01-01', to: '2026-01-04' }, { from: '2026-01-10', to: '2026-01-10' }])).toEqual([
      { from: '2026-01-01', to: '2026-01-07' },
      { from: '2026-01-10', to: '2026-01-10' },
    ]);
  });

  it('leaves archived months out', () => {
    expect(withoutMonths({ from: '2026-01-30', to: '2026-03-02' }, new Set(['2026-02']))).toEqual([
      { from: '2026-01-30', to: '2026-01-31' },
      { from: '2026-03-01', to: '2026-03-02' },
    ]);
    expect(withoutMonths({ from: '2026-02-03', to: '2026-02-04' }, new Set(['2026-02']))).toEqual([]);
    expect(withoutMonths({ from: '2026-02-03', to: '2026-02-04' }, new Set())).toEqual([{ from: '2026-02-03', to: '2026-02-04' }]);
  });
});
