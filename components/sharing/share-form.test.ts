// The share form's own checks (said in the reader's language before the API is asked) and the shared
// view's summary sentence in a second language.
import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n/messages';
import { shareFormProblems } from './share-form';
import { summary } from './shared-data-view';

const NOW = Date.parse('2026-12-07T10:00:00Z');
const valid = { types: 1, from: '2026-11-01', to: '2026-11-30', expiresAt: '2026-12-14T20:00', recipientEmail: '' };

describe('shareFormProblems', () => {
  it('accepts a complete form, with or without an address', () => {
    expect(shareFormProblems(valid, NOW)).toEqual({});
    expect(shareFormProblems({ ...valid, recipientEmail: 'doctor@example.com' }, NOW)).toEqual({});
  });

  it('names the first problem of each field', () => {
    expect(shareFormProblems({ types: 0, from: '', to: '', expiresAt: '', recipientEmail: 'not an address' }, NOW)).toEqual({
      types: 'types', from: 'from', to: 'to', expiresAt: 'expires', recipientEmail: 'email',
    });
    expect(shareFormProblems({ ...valid, from: '2026-12-01', to: '2026-11-30' }, NOW)).toEqual({ to: 'order' });
    expect(shareFormProblems({ ...valid, expiresAt: '2026-12-01T08:00' }, NOW)).toEqual({ expiresAt: 'expiresPast' });
  });

  it('every problem has a message in Hindi and Tamil', () => {
    for (const locale of ['hi', 'ta'] as const) {
      const t = translator(locale, 'sharing');
      for (const problem of ['types', 'from', 'to', 'order', 'expires', 'expiresPast', 'email'] as const) {
        expect(t(`form.errors.${problem}`)).not.toMatch(/^sharing\.|[A-Za-z]{4,}/);
      }
    }
  });
});

describe('summary', () => {
  const points = [
    { periodStart: '2026-10-01', value: 4000, min: null, max: null },
    { periodStart: '2026-10-02', value: 6000, min: null, max: null },
  ];
  const units = { glucoseUnit: 'MG_DL', weightUnit: 'KG', distanceUnit: 'KM', temperatureUnit: 'CELSIUS' } as const;

  it('says a summed type\'s total and mean, with the count in the plural it needs', () => {
    expect(summary('STEPS', points, units, 'day')).toBe('10,000 steps in total; 5,000 steps per day on average (2 days with data).');
    expect(summary('STEPS', points.slice(0, 1), units, 'week')).toBe('4,000 steps in total; 4,000 steps per week on average (1 week with data).');
  });

  it('in Hindi: Indian grouping, the words of hi.json', () => {
    expect(summary('STEPS', points, units, 'day', 'hi')).toBe('कुल 10,000 कदम; औसतन 5,000 कदम प्रतिदिन (2 दिन का डेटा)।');
    expect(summary('STEPS', [], units, 'day', 'hi')).toBe('इस अवधि में कोई डेटा नहीं।');
  });
});
