// Unit: the identifier rule shared by API v1 and v3 (client ids first, cgm-remote-monitor's v3 UUIDv5
// rule last, {created_at, eventType} for v1 treatments), and the stable 24-hex `_id`.
import { describe, expect, it } from 'vitest';
import { clientIdOf, documentIdentifier, isObjectId, nightscoutUuid, objectIdFor, v3Identifier } from './identifier';

describe('nightscoutUuid / v3Identifier', () => {
  it('is a version-5 UUID in the "NightscoutRocks!" namespace, as cgm-remote-monitor calculateIdentifier', () => {
    const id = nightscoutUuid('AndroidAPS_1700000000000_Meal Bolus');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(v3Identifier({ device: 'AndroidAPS', date: 1_700_000_000_000, eventType: 'Meal Bolus' })).toBe(id);
    // No eventType: no suffix; a missing device reads "undefined" as JavaScript concatenates it.
    expect(v3Identifier({ device: 'xDrip', date: 5 })).toBe(nightscoutUuid('xDrip_5'));
    expect(v3Identifier({ date: 5 })).toBe(nightscoutUuid('undefined_5'));
  });

  it('gives the value the `uuid` package’s v5 gives (what cgm-remote-monitor used before its own code)', () => {
    // uuid.v5('AndroidAPS_1700000000000_Meal Bolus', [...Buffer.from('NightscoutRocks!')]), computed once.
    expect(nightscoutUuid('AndroidAPS_1700000000000_Meal Bolus')).toBe('d14d0fb0-c85e-503d-8899-3efb7f05a776');
  });
});

describe('clientIdOf', () => {
  it('takes identifier, _id, syncIdentifier, uuid, NSCLIENT_ID, Trio’s id, then the pump record', () => {
    expect(clientIdOf({ identifier: 'a', _id: 'b' })).toBe('a');
    expect(clientIdOf({ _id: 'F1E0C1A2-0000-4000-8000-000000000001', syncIdentifier: 'x' })).toBe('F1E0C1A2-0000-4000-8000-000000000001');
    expect(clientIdOf({ syncIdentifier: 'loop-1' })).toBe('loop-1');
    expect(clientIdOf({ uuid: 'xdrip-uuid' })).toBe('xdrip-uuid');
    expect(clientIdOf({ NSCLIENT_ID: 1_700_000_000_123 })).toBe('1700000000123');
    expect(clientIdOf({ id: 'C0FFEE00-0000-4000-8000-000000000002', eventType: 'Meal Bolus' })).toBe('C0FFEE00-0000-4000-8000-000000000002');
    expect(clientIdOf({ pumpId: 4711, pumpType: 'ACCU_CHEK_INSIGHT', pumpSerial: '33013206' })).toBe('ACCU_CHEK_INSIGHT:33013206:4711');
    expect(clientIdOf({ pumpId: 4711, pumpType: 'ACCU_CHEK_INSIGHT' })).toBeNull();
    expect(clientIdOf({ _id: '', syncIdentifier: '  ' })).toBeNull();
  });
});

describe('documentIdentifier', () => {
  const t = Date.UTC(2026, 10, 20, 8, 0, 0);
  it('prefers the client id, then the stored document whose _id it carries', () => {
    expect(documentIdentifier('treatments', { syncIdentifier: 's1', eventType: 'Bolus' }, t, 'v1')).toBe('s1');
    expect(documentIdentifier('treatments', { _id: '0123456789abcdef01234567' }, t, 'v1', 'stored-id')).toBe('stored-id');
    expect(documentIdentifier('treatments', { identifier: 'own', _id: '0123456789abcdef01234567' }, t, 'v1', 'stored-id')).toBe('own');
  });

  it('keys a v1 treatment without client id by {created_at, eventType}, whoever sent it', () => {
    const a = documentIdentifier('treatments', { eventType: 'Note', enteredBy: 'a', device: 'x' }, t, 'v1');
    expect(documentIdentifier('treatments', { eventType: 'Note', enteredBy: 'b', device: 'y' }, t, 'v1')).toBe(a);
    expect(documentIdentifier('treatments', { eventType: 'BG Check' }, t, 'v1')).not.toBe(a);
  });

  it('uses the v3 rule otherwise (device, date, eventType)', () => {
    expect(documentIdentifier('treatments', { device: 'AndroidAPS', date: t, eventType: 'Bolus' }, t, 'v3')).toBe(
      v3Identifier({ device: 'AndroidAPS', date: t, eventType: 'Bolus' }),
    );
    expect(documentIdentifier('devicestatus', { device: 'loop://iPhone' }, t, 'v1')).toBe(nightscoutUuid(`loop://iPhone_${t}`));
    // xDrip+'s heart rate and step count of one instant are two records (their `type` tells them apart).
    expect(documentIdentifier('activity', { type: 'hr-bpm' }, t, 'v1')).not.toBe(documentIdentifier('activity', { type: 'steps-total' }, t, 'v1'));
  });
});

describe('objectIdFor', () => {
  it('is 24 hex digits, stable, different per site, collection and identifier', () => {
    const id = objectIdFor('s', 'treatments', 'x');
    expect(isObjectId(id)).toBe(true);
    expect(objectIdFor('s', 'treatments', 'x')).toBe(id);
    expect(new Set([id, objectIdFor('t', 'treatments', 'x'), objectIdFor('s', 'devicestatus', 'x'), objectIdFor('s', 'treatments', 'y')]).size).toBe(4);
    // A client's own ObjectId (xDrip+ NightscoutUploader.java uuid_to_id) is answered back unchanged.
    expect(objectIdFor('s', 'treatments', '6F1A2B3C4D5E6F7A8B9C0D1E')).toBe('6f1a2b3c4d5e6f7a8b9c0d1e');
  });
});
