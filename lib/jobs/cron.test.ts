import { describe, expect, it } from 'vitest';
import { cronMatches } from './cron';

const at = (iso: string) => new Date(iso);

describe('cronMatches', () => {
  it('matches steps, lists, ranges and exact values in UTC', () => {
    expect(cronMatches('*/5 * * * *', at('2026-11-21T10:15:00Z'))).toBe(true);
    expect(cronMatches('*/5 * * * *', at('2026-11-21T10:16:00Z'))).toBe(false);
    expect(cronMatches('0 3 * * *', at('2026-11-21T03:00:00Z'))).toBe(true);
    expect(cronMatches('0 3 * * *', at('2026-11-21T04:00:00Z'))).toBe(false);
    expect(cronMatches('30 4 * * 0', at('2026-11-22T04:30:00Z'))).toBe(true); // Sunday
    expect(cronMatches('30 4 * * 0', at('2026-11-21T04:30:00Z'))).toBe(false);
    expect(cronMatches('0 1 1 * *', at('2026-12-01T01:00:00Z'))).toBe(true);
    expect(cronMatches('0 8-10 * * 1-5', at('2026-11-23T09:00:00Z'))).toBe(true);
    expect(cronMatches('0,30 * * * *', at('2026-11-23T09:30:00Z'))).toBe(true);
  });

  it('rejects malformed expressions', () => {
    expect(() => cronMatches('* * *', new Date())).toThrow(/invalid cron/);
  });
});
