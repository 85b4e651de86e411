// Questionnaire results in the reader's language: every band and subscale of every definition has its
// translated name (by code), the change and the date read as the language writes them, and an unknown
// code falls back to the definition's English.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { allQuestionnaires } from '@/lib/questionnaires/registry';
import { resultSentence } from '@/lib/questionnaires/score';
import { answeredOn, bandLabel, changeText, resultText, subscaleTitle } from './format';

describe('questionnaire words', () => {
  it('has a message for every band and subscale of every definition, English matching the definition', () => {
    for (const d of allQuestionnaires()) {
      for (const b of d.scoring.bands) {
        expect(bandLabel('en', d.code, b.code, '(missing)')).toBe(b.label);
        expect(resultText('en', d.code, b.code, '(missing)')).toBe(resultSentence(b));
        for (const locale of LOCALES.filter((l) => l !== 'en')) {
          expect(bandLabel(locale, d.code, b.code, '(missing)')).not.toBe('(missing)');
          expect(resultText(locale, d.code, b.code, '(missing)')).not.toBe('(missing)');
        }
      }
      for (const s of d.scoring.subscales) expect(subscaleTitle('en', d.code, s.code, '(missing)')).toBe(s.title);
    }
  });

  it('says a result in Hindi', () => {
    expect(bandLabel('hi', 'gad7', 'mild', 'Mild')).toBe('हल्की');
    expect(resultText('hi', 'gad7', 'mild', '')).toMatch(/^आपका स्कोर हल्की चिंता की ओर संकेत करता है।/);
    expect(changeText(-2, 'hi')).toBe('पिछली बार से −2');
    expect(changeText(null, 'hi')).toBe('पहला नतीजा');
    expect(answeredOn('2026-07-10T06:00:00.000Z', 'Asia/Kolkata', 'hi')).toBe(new Intl.DateTimeFormat('hi-IN', { timeZone: 'Asia/Kolkata', day: 'numeric', month: 'short', year: 'numeric' }).format(Date.parse('2026-07-10T06:00:00.000Z')));
    expect(answeredOn('2026-07-10T06:00:00.000Z', 'Asia/Kolkata')).toBe('10 Jul 2026');
  });

  it('falls back to the definition’s English for a code without a message', () => {
    expect(bandLabel('ta', 'gad7', 'unknown', 'Unknown')).toBe('Unknown');
    expect(subscaleTitle('ta', 'gad7', 'unknown', 'Unknown (X)')).toBe('Unknown (X)');
  });
});
