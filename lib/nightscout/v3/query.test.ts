// Unit: SEARCH and HISTORY query strings as cgm-remote-monitor parses them (lib/api3/generic/search/
// input.js), with the requests AndroidAPS sends (core/nssdk NightscoutRemoteService.kt).
import { describe, expect, it } from 'vitest';
import { V3Refusal } from './envelope';
import { parseHistorySince, parseSearchQuery } from './query';

const q = (s: string) => parseSearchQuery(new URLSearchParams(s));
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof V3Refusal ? { status: error.status, message: error.message } : error;
  }
  return null;
};

describe('parseSearchQuery', () => {
  it("reads AndroidAPS's searches: entries by date, treatments by created_at (ISO), the last profile", () => {
    expect(q('sort$desc=date&type=sgv')).toEqual({ filters: [{ field: 'type', op: 'eq', value: 'sgv' }], sort: { field: 'date', desc: true }, limit: 1000, skip: 0, fields: null });
    expect(q('sort=date&date$gt=1763625600000&limit=500')).toMatchObject({ filters: [{ field: 'date', op: 'gt', value: 1763625600000 }], sort: { field: 'date', desc: false }, limit: 500 });
    expect(q('sort=created_at&created_at$gt=2025-11-20T08:00:00.000Z&limit=500').filters).toEqual([{ field: 'created_at', op: 'gt', value: 1763625600000 }]);
    expect(q('sort$desc=date&limit=1')).toMatchObject({ limit: 1, sort: { field: 'date', desc: true } });
  });

  it('types values (numbers, booleans, quoted strings), keeps in/nin lists raw, ignores reserved parameters', () => {
    expect(q("insulin$gte=0.5&isSMB=true&notes='42'&type$in=sgv|mbg&token=x&secret=y&now=1&fields=date,sgv&skip=20").filters).toEqual([
      { field: 'insulin', op: 'gte', value: 0.5 },
      { field: 'isSMB', op: 'eq', value: true },
      { field: 'notes', op: 'eq', value: '42' },
      { field: 'type', op: 'in', value: 'sgv|mbg' },
    ]);
    expect(q('fields=date,sgv&skip=20')).toMatchObject({ fields: ['date', 'sgv'], skip: 20 });
    expect(q('fields=_all').fields).toBeNull();
  });

  it('refuses what the original refuses, with its messages', () => {
    expect(refusal(() => q('limit=1001'))).toEqual({ status: 400, message: 'Parameter limit out of tolerance' });
    expect(refusal(() => q('limit=0'))).toEqual({ status: 400, message: 'Parameter limit out of tolerance' });
    expect(refusal(() => q('limit=abc'))).toEqual({ status: 400, message: 'Parameter limit out of tolerance' });
    expect(refusal(() => q('skip=-1'))).toEqual({ status: 400, message: 'Parameter skip out of tolerance' });
    expect(refusal(() => q('sort=date&sort$desc=date'))).toEqual({ status: 400, message: 'Parameters sort and sort_desc cannot be combined' });
    expect(refusal(() => q('date$between=1'))).toEqual({ status: 400, message: 'Unsupported filter operator between' });
    expect(refusal(() => q('notes$re=.*'))).toEqual({ status: 400, message: 'Unsupported filter operator re' });
  });
});

describe('parseHistorySince', () => {
  it('takes the path (exclusive) or the Last-Modified header floored to its second (inclusive)', () => {
    expect(parseHistorySince('1763625600000', null)).toEqual({ ms: 1763625600000, inclusive: false });
    expect(parseHistorySince(null, 'Thu, 20 Nov 2025 08:00:00 GMT')).toEqual({ ms: 1763625600000, inclusive: true });
    expect(refusal(() => parseHistorySince('abc', null))).toEqual({ status: 400, message: 'Bad or missing Last-Modified header/parameter' });
    expect(refusal(() => parseHistorySince(null, null))).toEqual({ status: 400, message: 'Bad or missing Last-Modified header/parameter' });
  });
});
