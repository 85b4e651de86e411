// Unit: what of a URL's params goes into an audit row beside its subject (the action tried, kept short).
import { describe, expect, it } from 'vitest';
import { otherParams, resolveSubject } from './subjects';

describe('audit subjects', () => {
  it('keeps the params other than the subject (the action), and no free text', () => {
    expect(otherParams({ kind: 'emergency', param: 'id' }, { id: 'e1', action: 'resolve' })).toEqual({ action: 'resolve' });
    expect(otherParams({ kind: 'insight', param: 'id' }, { id: 'i1', action: 'x y@example.test' })).toEqual({ action: '(not a name)' });
    expect(otherParams('caller', {})).toEqual({});
  });

  it('records an id that is not a uuid as tried, with no patient (no record is looked up)', async () => {
    expect(await resolveSubject({ kind: 'device', param: 'id' }, { params: { id: 'not-a-uuid' } })).toEqual({ targetType: 'devices', targetId: 'not-a-uuid', patientId: null });
    expect(await resolveSubject('nobody', { params: {} })).toEqual({ targetType: null, targetId: null, patientId: null });
  });
});
