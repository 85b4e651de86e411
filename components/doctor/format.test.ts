// The carer pages' dates in the reader's language: English as before (hand-made, no browser locale),
// Hindi through Intl with its words for today and yesterday, Marathi in its own digits.
import { describe, expect, it } from 'vitest';
import { formatDay, formatWhen, shortDay } from './format';

const today = '2026-05-03';

describe('formatDay / shortDay', () => {
  it('writes English as it always did', () => {
    expect(formatDay('2026-05-03')).toBe('3 May 2026');
    expect(shortDay('2026-05-03')).toBe('3 May');
  });

  it('writes the day in Hindi and Marathi', () => {
    expect(formatDay('2026-05-03', 'hi')).toBe('3 मई 2026');
    expect(shortDay('2026-05-03', 'hi')).toBe('3 मई');
    expect(formatDay('2026-05-03', 'mr')).toBe('३ मे, २०२६');
  });
});

describe('formatWhen', () => {
  // 09:32 UTC is 15:02 in Kolkata.
  it('says today, yesterday or the date, in the zone given', () => {
    expect(formatWhen('2026-05-03T09:32:00Z', 'Asia/Kolkata', today)).toBe('today 15:02');
    expect(formatWhen('2026-05-02T09:32:00Z', 'Asia/Kolkata', today)).toBe('yesterday 15:02');
    expect(formatWhen('2026-04-30T09:32:00Z', 'Asia/Kolkata', today)).toBe('30 Apr 2026 15:02');
    expect(formatWhen(null, 'UTC', today)).toBe('Never');
    expect(formatWhen(null, 'UTC', today, '—')).toBe('—');
  });

  it('says it in Hindi, and in Marathi digits', () => {
    expect(formatWhen('2026-05-03T09:32:00Z', 'Asia/Kolkata', today, undefined, 'hi')).toBe('आज 15:02');
    expect(formatWhen('2026-05-02T09:32:00Z', 'Asia/Kolkata', today, undefined, 'hi')).toBe('कल 15:02');
    expect(formatWhen(null, 'UTC', today, undefined, 'hi')).toBe('कभी नहीं');
    expect(formatWhen('2026-05-03T09:32:00Z', 'Asia/Kolkata', today, undefined, 'mr')).toMatch(/^\S+ १५:०२$/);
  });
});
