// Unit: what a stored v3 document needs and which fields stay as stored, with the original's messages
// (AndroidAPS's NSAndroidClientImpl.kt reacts to "Bad or missing utcOffset field" and "cannot be modified").
import { describe, expect, it } from 'vitest';
import { V3Refusal } from './envelope';
import { checkImmutable, checkWritable, validateCommon } from './validate';

function refusal(fn: () => void) {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof V3Refusal ? `${error.status} ${error.message}` : String(error);
  }
}

const T = Date.UTC(2026, 10, 20, 8, 0, 0);

describe('validateCommon', () => {
  it('needs date (ms after 2000), utcOffset (±1440 min) and app; a patch only what it carries', () => {
    expect(refusal(() => validateCommon({ date: T, utcOffset: 60, app: 'AAPS' }))).toBeNull();
    expect(refusal(() => validateCommon({ utcOffset: 0, app: 'AAPS' }))).toBe('400 Bad or missing date field');
    expect(refusal(() => validateCommon({ date: T, app: 'AAPS' }))).toBe('400 Bad or missing utcOffset field');
    expect(refusal(() => validateCommon({ date: T, utcOffset: 2000, app: 'AAPS' }))).toBe('400 Bad or missing utcOffset field');
    expect(refusal(() => validateCommon({ date: T, utcOffset: 0, app: ' ' }))).toBe('400 Bad or missing app field');
    expect(refusal(() => validateCommon({ notes: 'x' }, { patching: true }))).toBeNull();
    expect(refusal(() => validateCommon({ date: 'x' }, { patching: true }))).toBe('400 Bad or missing date field');
  });
});

describe('checkImmutable and checkWritable', () => {
  const stored = { identifier: 'id1', date: T, utcOffset: 60, eventType: 'Meal Bolus', device: 'pump', app: 'AAPS', srvModified: T, srvCreated: T };

  it('refuses a change of an identifying or server field; allows the same value, isValid true, and anything on a deleted document', () => {
    expect(refusal(() => checkImmutable({ identifier: 'id1', eventType: 'Meal Bolus', insulin: 2, isValid: true }, stored))).toBeNull();
    expect(refusal(() => checkImmutable({ eventType: 'Correction Bolus' }, stored))).toBe('400 Field eventType cannot be modified by the client');
    expect(refusal(() => checkImmutable({ utcOffset: 0 }, stored))).toBe('400 Field utcOffset cannot be modified by the client');
    expect(refusal(() => checkImmutable({ isValid: false }, stored))).toBe('400 Field isValid cannot be modified by the client');
    expect(refusal(() => checkImmutable({ identifier: 'other' }, stored, { deduplication: true }))).toBeNull();
    expect(refusal(() => checkImmutable({ date: T + 1 }, { ...stored, isValid: false }))).toBeNull();
    // A field the stored document lacks (a v1 treatment has no app) may be set.
    expect(refusal(() => checkImmutable({ app: 'AAPS' }, { identifier: 'id1', date: T }))).toBeNull();
    // The server's own fields sent back (stale) are ignored: they are never taken from a client.
    expect(refusal(() => checkImmutable({ srvModified: 1, srvCreated: 1, subject: 'x' }, stored))).toBeNull();
  });

  it('refuses any change of a read-only document (422)', () => {
    expect(refusal(() => checkWritable({ isReadOnly: true }))).toBe('422 Trying to modify read-only document');
    expect(refusal(() => checkWritable({}))).toBeNull();
  });
});
