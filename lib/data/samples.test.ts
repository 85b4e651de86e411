// Unit: the raw read's instants are written exactly as Date#toISOString writes them.
import { describe, expect, it } from 'vitest';
import { isoInstant } from './samples';

describe('isoInstant', () => {
  it('writes every instant as toISOString does', () => {
    const instants = [0, 1, 999, 86_399_999, 86_400_000, 1_733_567_400_000, 1_733_567_400_000.7, 951_782_400_000, 253_402_300_799_999, 253_402_300_800_000, -1, -86_400_001];
    let x = 7;
    for (let i = 0; i < 20_000; i++) {
      x = (x * 48_271) % 2_147_483_647; // deterministic
      instants.push(1_600_000_000_000 + (x % 400_000_000) * 1000 + (x % 1000), (x / 2_147_483_647) * 4e12);
    }
    for (const ms of instants) expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
  });
});
