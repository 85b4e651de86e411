// The entry forms' checks and the "Saved: …" line, in English (as the e2e specs read it) and in Hindi.
import { describe, expect, it } from 'vitest';
import type { CreatedEntry } from '@/lib/data/entries';
import { translator } from '@/lib/i18n/messages';
import { buildEntryBody, describeEntry } from './entry-body';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const entry = (fields: Record<string, unknown>) => ({ id: 'e1', at: '2026-07-14T08:00:00.000Z', ...fields }) as unknown as CreatedEntry;

describe('buildEntryBody', () => {
  it('names each problem by a message key every language has', () => {
    const built = buildEntryBody('glucose', form({ value: 'abc', unit: 'mg/dL', at: '2999-01-01T10:00' }), Date.parse('2026-07-14T08:00:00Z'));
    expect(built).toEqual({ ok: false, errors: { value: 'enterNumber', mealContext: 'chooseOne', at: 'inFuture' } });
    const hi = translator('hi', 'entry');
    expect(hi('errors.enterNumber')).toBe('एक संख्या दर्ज करें।');
  });

  it('builds the body of a valid entry', () => {
    expect(buildEntryBody('blood_pressure', form({ systolic: '128', diastolic: '82,5' }))).toEqual({ ok: true, body: { kind: 'blood_pressure', systolic: 128, diastolic: 82.5 } });
  });
});

describe('describeEntry', () => {
  it('reads in English as before', () => {
    expect(describeEntry(entry({ kind: 'glucose', value: 123, unit: 'mg/dL', mealContext: 'after_lunch' }))).toBe('Blood glucose 123 mg/dL (after lunch)');
    expect(describeEntry(entry({ kind: 'insulin', value: 4.5, unit: 'U', insulinKind: 'bolus' }))).toBe('Insulin 4.5 U (meal bolus)');
    expect(describeEntry(entry({ kind: 'mood', score: 4, note: null }))).toBe('Mood 4 of 5');
    expect(describeEntry(entry({ kind: 'medication', name: 'Metformin', dose: '500 mg' }))).toBe('Medication taken: Metformin 500 mg');
  });

  it('reads in Hindi, and in Bengali with its own digits', () => {
    expect(describeEntry(entry({ kind: 'glucose', value: 123, unit: 'mg/dL', mealContext: 'after_lunch' }), 'hi')).toBe('ब्लड ग्लूकोज़ 123 mg/dL (दोपहर के खाने के बाद)');
    expect(describeEntry(entry({ kind: 'symptom', name: 'सिरदर्द', severity: 2, note: null }), 'hi')).toBe('लक्षण: सिरदर्द, गंभीरता 5 में से 2');
    expect(describeEntry(entry({ kind: 'weight', value: 72.5, unit: 'kg' }), 'bn')).toBe('ওজন ৭২.৫ kg');
    expect(describeEntry(entry({ kind: 'mood', score: 4, note: null }), 'mr')).toBe('मनःस्थिती ५ पैकी ४');
  });
});
