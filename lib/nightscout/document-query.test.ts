// Unit: the v1 document query string (cgm-remote-monitor's find[...] filters and counts) as clients
// send it: Trio's NightscoutAPI.swift fetchCarbs/fetchTempTargets/deleteCarbs, xDrip+'s find[uuid].
import { describe, expect, it } from 'vitest';
import { parseDocumentQuery } from './document-query';

const q = (s: string) => parseDocumentQuery(new URLSearchParams(s), 'treatments', { plain: 100, withFind: 1000 });
const T = Date.UTC(2026, 10, 20, 8, 0, 0);

describe('parseDocumentQuery', () => {
  it('counts: 100 plain, 1000 with a filter, as cgm-remote-monitor; count must be a positive integer', () => {
    expect(q('').query.limit).toBe(100);
    expect(q('find[eventType]=Note').query.limit).toBe(1000);
    expect(q('count=5').query.limit).toBe(5);
    expect(() => q('count=0')).toThrow(/count/);
  });

  it('bounds created_at (ISO, with an unescaped + offset, or ms), eventType as a column, _id as one document', () => {
    const { query } = q(`find[created_at][$gte]=2026-11-20T09:00:00.000+01:00&find[created_at][$lt]=${T + 60_000}`);
    expect(query).toMatchObject({ fromMs: T, toMs: T + 59_999 });
    expect(q('find[created_at][$gte]=2026-11-20T09:00:00 01:00').query.fromMs).toBe(T);
    expect(q('find[created_at][$eq]=2026-11-20T08:00:00.000Z').query).toMatchObject({ fromMs: T, toMs: T });
    expect(q('find[eventType]=Temporary+Target').query.eventType).toBe('Temporary Target');
    expect(q('find[_id]=0123456789abcdef01234567')).toMatchObject({ id: '0123456789abcdef01234567', wildcard: false });
    expect(q('find[_id]=*').wildcard).toBe(true);
    expect(() => q('find[created_at][$gte]=soon')).toThrow(/created_at/);
    expect(() => q('find[insulin][$where]=1')).toThrow(/find\[insulin\]\[\$where\]/);
  });

  it('matches other fields on the document: $exists, repeated $ne, $eq, numbers, regex, dotted paths', () => {
    const trio = q('find[carbs][$exists]=true&find[enteredBy][$ne]=Trio&find[enteredBy][$ne]=Trio-local').query.match!;
    expect(trio({ carbs: 20, enteredBy: 'Loop' })).toBe(true);
    expect(trio({ carbs: 20, enteredBy: 'Trio' })).toBe(false);
    expect(trio({ carbs: 20, enteredBy: 'Trio-local' })).toBe(false);
    expect(trio({ insulin: 1, enteredBy: 'Loop' })).toBe(false);
    expect(q('find[id][$eq]=abc').query.match!({ id: 'abc' })).toBe(true);
    expect(q('find[insulin][$gt]=0.5').query.match!({ insulin: 1 })).toBe(true);
    expect(q('find[insulin][$gt]=0.5').query.match!({ insulin: 0.2 })).toBe(false);
    expect(q('find[carbs]=30').query.match!({ carbs: 30 })).toBe(true);
    expect(q('find[notes]=/pizza/i').query.match!({ notes: 'Pizza night' })).toBe(true);
    expect(q('find[eventType]=/Bolus/').query.match!({ eventType: 'Meal Bolus' })).toBe(true);
    expect(q('find[boluscalc.carbs]=40').query.match!({ boluscalc: { carbs: 40 } })).toBe(true);
  });
});
