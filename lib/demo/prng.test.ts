import { describe, expect, it } from 'vitest';
import { createRng, hashSeed, mulberry32 } from './prng';

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
  });

  it('stays in [0, 1)', () => {
    const next = mulberry32(7);
    for (let i = 0; i < 10_000; i++) {
      const x = next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe('hashSeed / createRng', () => {
  it('separates nearby inputs and is stable', () => {
    expect(hashSeed(1, 20000, 'plan')).toBe(hashSeed(1, 20000, 'plan'));
    expect(hashSeed(1, 20000, 'plan')).not.toBe(hashSeed(1, 20001, 'plan'));
    expect(hashSeed(1, 2)).not.toBe(hashSeed(12));
  });

  it('draws integers inclusively and normals around the mean', () => {
    const rng = createRng('test');
    const ints = Array.from({ length: 2000 }, () => rng.int(1, 3));
    expect(new Set(ints)).toEqual(new Set([1, 2, 3]));
    const normals = Array.from({ length: 5000 }, () => rng.normal(10, 2));
    const avg = normals.reduce((a, b) => a + b, 0) / normals.length;
    expect(avg).toBeGreaterThan(9.8);
    expect(avg).toBeLessThan(10.2);
    expect(normals.every(Number.isFinite)).toBe(true);
  });
});
