// Unit: Nightscout entries → sync-batch samples (the instant rule, sgv as number or string, specimen by
// entry type, refusals by field) and back (ids stable, trend numbers).
import { describe, expect, it } from 'vitest';
import { entryId, entryInstant, parseEntry, toEntry, uploaderOf } from './entries';

describe('entryInstant', () => {
  it('takes dateString when it parses (with or without a colon in the offset), else date in ms', () => {
    expect(entryInstant({ dateString: '2014-07-19T10:49:15.000-07:00', date: 1 })).toBe(Date.UTC(2014, 6, 19, 17, 49, 15));
    expect(entryInstant({ dateString: '2026-11-20T09:00:00.000+0100', date: 1 })).toBe(Date.UTC(2026, 10, 20, 8, 0, 0));
    expect(entryInstant({ dateString: '11/20/2026 09:00:00 AM', date: 1_700_000_000_000 })).toBe(1_700_000_000_000);
    expect(entryInstant({ date: '1700000000000' })).toBe(1_700_000_000_000);
    expect(entryInstant({ date: 1_700_000_000_000.4 })).toBe(1_700_000_000_000);
    expect(entryInstant({ dateString: 'garbage' })).toBeNull();
    expect(entryInstant({ date: -5 })).toBeNull();
  });
});

describe('parseEntry', () => {
  it('maps sgv (number or string) to interstitial glucose with trend and noise in metadata', () => {
    const parsed = parseEntry({ type: 'sgv', sgv: '152', date: 1_700_000_000_000, device: 'xDrip-DexcomG6', direction: 'Flat', noise: 1, extra: 'dropped' });
    expect(parsed).toMatchObject({
      ok: true,
      kind: 'sample',
      uploader: 'xDrip-DexcomG6',
      sample: {
        type: 'BLOOD_GLUCOSE',
        value: 152,
        unit: 'mg/dL',
        clientRecordId: 'sgv:1700000000000',
        metadata: { specimen_source: 'interstitial fluid', nightscout: { type: 'sgv', direction: 'Flat', noise: 1 } },
      },
    });
  });

  it('maps mbg to blood glucose, acknowledges cal, refuses the rest by field', () => {
    expect(parseEntry({ type: 'mbg', mbg: 149, date: 1_700_000_000_000 })).toMatchObject({ ok: true, sample: { value: 149, metadata: { specimen_source: 'blood' } } });
    expect(parseEntry({ type: 'cal', slope: 850, date: 1_700_000_000_000 })).toMatchObject({ ok: true, kind: 'calibration' });
    expect(parseEntry({ type: 'sgv', sgv: 'HIGH', date: 1 })).toEqual({ ok: false, rejection: { field: 'sgv', reason: expect.any(String) } });
    expect(parseEntry({ type: 'sgv', sgv: 100 })).toMatchObject({ ok: false, rejection: { field: 'date' } });
    expect(parseEntry({ type: 'note', date: 1 })).toMatchObject({ ok: false, rejection: { field: 'type' } });
    expect(parseEntry([1])).toMatchObject({ ok: false, rejection: { field: '(entry)' } });
  });

  it('names the uploader by device, else enteredBy, else "unknown"', () => {
    expect(uploaderOf({ device: ' loop://iPhone ' })).toBe('loop://iPhone');
    expect(uploaderOf({ enteredBy: 'Trio' })).toBe('Trio');
    expect(uploaderOf({})).toBe('unknown');
  });
});

describe('toEntry and entryId', () => {
  it('answers date as the instant, a 24-hex id stable for the same reading, and a numeric trend', () => {
    const ms = Date.UTC(2026, 10, 20, 8, 0, 0);
    const id = entryId('d1', `sgv:${ms}`, ms);
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(id).toBe(entryId('d1', `sgv:${ms}`, ms));
    expect(id).not.toBe(entryId('d2', `sgv:${ms}`, ms));
    const entry = toEntry({ deviceId: 'd1', uploader: 'x', entryType: 'sgv', ms, value: 151.6, recordId: `sgv:${ms}`, nightscout: { direction: 'SingleDown' } });
    expect(entry).toMatchObject({ _id: id, date: ms, dateString: '2026-11-20T08:00:00.000Z', sgv: 152, direction: 'SingleDown', trend: 6, type: 'sgv' });
  });
});
