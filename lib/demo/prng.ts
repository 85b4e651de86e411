// Small seeded PRNG so demo data is reproducible without Math.random.

export type Rng = {
  next: () => number;
  range: (min: number, max: number) => number;
  /** Integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number;
  normal: (mean: number, sd: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
};

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts, then a murmur finaliser, so nearby inputs give unrelated seeds. */
export function hashSeed(...parts: ReadonlyArray<number | string>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = `${String(part)}|`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function createRng(...parts: ReadonlyArray<number | string>): Rng {
  const next = mulberry32(hashSeed(...parts));
  const range = (min: number, max: number) => min + (max - min) * next();
  return {
    next,
    range,
    int: (min, max) => Math.min(max, Math.floor(range(min, max + 1))),
    normal: (mean, sd) => {
      // Box-Muller; 1 - u keeps log() away from 0.
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.min(items.length - 1, Math.floor(next() * items.length))];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
  };
}
