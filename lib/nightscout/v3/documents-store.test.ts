// Unit: which SEARCH filters and orders the document store applies itself (then it pages too) and which
// run on the decrypted documents (AndroidAPS's searches: core/nssdk NightscoutRemoteService.kt).
import { describe, expect, it } from 'vitest';
import { planSearch } from './documents-store';
import { parseSearchQuery } from './query';

const plan = (s: string) => planSearch(parseSearchQuery(new URLSearchParams(s)));

describe('planSearch', () => {
  it("runs AndroidAPS's searches in the database", () => {
    expect(plan('sort=created_at&created_at$gt=2025-11-20T08:00:00.000Z&limit=500')).toEqual({ sql: { fromMs: 1763625600001, ascending: true }, rest: [], inDatabase: true });
    expect(plan('sort$desc=date&limit=1')).toEqual({ sql: { ascending: false }, rest: [], inDatabase: true });
    expect(plan('limit=1000')).toEqual({ sql: { ascending: true }, rest: [], inDatabase: true });
    expect(plan('eventType=Temp%20Basal&date$lte=1763625600000')).toMatchObject({ sql: { eventType: 'Temp Basal', toMs: 1763625600000 }, inDatabase: true });
    expect(plan('srvModified$gte=1763625600000&sort=srvModified')).toMatchObject({ sql: { modifiedSinceMs: 1763625599999 }, inDatabase: true });
  });

  it('keeps other filters and orders for the decrypted documents', () => {
    expect(plan('insulin$gt=1&sort=date')).toMatchObject({ rest: [{ field: 'insulin', op: 'gt', value: 1 }], inDatabase: false });
    expect(plan('sort$desc=srvModified')).toMatchObject({ rest: [], inDatabase: false });
    expect(plan('srvModified$lt=5&sort=date')).toMatchObject({ rest: [{ field: 'srvModified', op: 'lt', value: 5 }], inDatabase: false });
  });
});
