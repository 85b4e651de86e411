// Lab texts for a reader: a known lab's name in their language (English keeps the source's own name), an
// unknown code's the source's, and the note on an HbA1c without a GMI, English exactly as the API reads.
import { describe, expect, it } from 'vitest';
import { LABS } from '../labs/registry';
import { gmiCoverageNote, labName } from './labs';
import { MESSAGES } from '../i18n/messages';

describe('labName', () => {
  it('English keeps the source’s name; an unknown code keeps it in every language', () => {
    expect(labName({ lab: 'hba1c', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' }, 'en')).toBe('Hemoglobin A1c/Hemoglobin.total in Blood');
    expect(labName({ lab: null, display: 'Ferritin' }, 'hi')).toBe('Ferritin');
  });

  it('a known lab reads in the reader’s language, whichever code and name the source gave', () => {
    expect(labName({ lab: 'total-cholesterol', display: 'Cholesterol [Mass/volume] in Serum or Plasma' }, 'hi')).toBe('कुल कोलेस्ट्रॉल');
    expect(labName({ lab: 'creatinine', display: 'Creatinine' }, 'ta')).toBe('கிரியேட்டினின்');
    expect(labName({ lab: 'hba1c', display: 'HbA1c' }, 'gu')).toBe('HbA1c');
  });

  it('every lab the registry knows has a name, English the registry’s own', () => {
    expect(Object.keys(MESSAGES.en.labs.names).sort()).toEqual(LABS.map((l) => l.key).sort());
    for (const l of LABS) expect(MESSAGES.en.labs.names[l.key as keyof typeof MESSAGES.en.labs.names]).toBe(l.name);
  });
});

describe('gmiCoverageNote', () => {
  const gmi = { coveredDays: 5, windowDays: 90, minCoveredDays: 10 };
  it('reads in English as the API’s reason', () => {
    expect(gmiCoverageNote(gmi)).toBe('CGM readings cover 5 of the 90 days before this HbA1c; a GMI needs at least 10 days of readings.');
  });
  it('reads in Hindi, and in Bengali digits for a Bengali reader', () => {
    expect(gmiCoverageNote(gmi, 'hi')).toBe('CGM रीडिंग इस HbA1c से पहले के 90 दिनों में से 5 दिन कवर करती हैं; GMI के लिए कम से कम 10 दिनों की रीडिंग चाहिए।');
    expect(gmiCoverageNote({ ...gmi, coveredDays: 4.5 }, 'bn')).toContain('৪.৫ দিন');
  });
});
