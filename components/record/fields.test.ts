// An item's one-line details on /record, as the e2e spec reads them in English and as a Hindi reader sees them.
import { expect, it } from 'vitest';
import type { AllergyAnswer } from '@/lib/data/allergies';
import type { ConditionAnswer } from '@/lib/data/conditions';
import { detailsOf } from './fields';

const peanuts = { substance: 'Peanuts', reaction: 'swelling of the lips', severity: 'SEVERE', criticality: 'HIGH', clinicalStatus: 'ACTIVE' } as unknown as AllergyAnswer;
const diabetes = { display: 'Type 2 diabetes', codeSystem: 'ICD10', code: 'E11.9', onsetDate: '2019-04-01', clinicalStatus: 'REMISSION', note: null } as unknown as ConditionAnswer;

it('words an allergy and a condition in English and in Hindi', () => {
  expect(detailsOf('allergies', peanuts)).toBe('swelling of the lips · Severe reaction · criticality high');
  expect(detailsOf('allergies', peanuts, 'hi')).toBe('swelling of the lips · गंभीर प्रतिक्रिया · जोखिम ज़्यादा');
  expect(detailsOf('conditions', diabetes)).toBe('ICD-10 E11.9 · since 1 Apr 2019 · Remission');
  expect(detailsOf('conditions', diabetes, 'hi')).toMatch(/^ICD-10 E11\.9 · .*2019 से · नियंत्रण में \(रेमिशन\)$/);
});
