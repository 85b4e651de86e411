// The alert settings form checks what the API checks (lib/pipeline/insights/alert-thresholds.ts and the
// escalation schema) before sending, so the doctor reads the problem in their language; English reads
// word for word as the API's own message.
import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n/messages';
import { validateThresholds } from '@/lib/pipeline/insights/alert-thresholds';
import { settingsProblems } from './alert-settings-form';

const thresholds = { glucoseLowMgDl: 54, glucoseHighMgDl: 300, systolicHigh: 180, diastolicHigh: 120 };
const escalation = { escalateAfterMinutes: 15, escalateAgainAfterMinutes: 30, recheckAfterMinutes: 15 };

describe('settingsProblems', () => {
  it('finds nothing wrong with the defaults', () => {
    expect(settingsProblems(thresholds, escalation)).toEqual([]);
  });

  it('finds the problems the API finds, on the same fields', () => {
    for (const bad of [{ systolicHigh: 300 }, { glucoseLowMgDl: 30 }, { diastolicHigh: 200, systolicHigh: 190 }, { glucoseHighMgDl: Number.NaN }]) {
      const t = { ...thresholds, ...bad };
      expect(settingsProblems(t, escalation).map((p) => p.field).sort()).toEqual([...new Set(validateThresholds(t).map((p) => p.field))].sort());
    }
  });

  it('reads as the API in English and in Hindi for a Hindi reader', () => {
    const [problem] = settingsProblems({ ...thresholds, systolicHigh: 300 }, escalation);
    expect(problem).toEqual({ field: 'systolicHigh', key: 'between', min: 140, max: 250, unit: 'mmHg' });
    const say = (locale: 'en' | 'hi') => {
      const t = translator(locale, 'doctor');
      return t('alerts.problems.between', { what: t('alerts.fields.systolicHigh.name'), min: 140, max: 250, unit: 'mmHg' });
    };
    expect(say('en')).toBe('Systolic threshold must be between 140 and 250 mmHg.');
    expect(say('hi')).toBe('सिस्टोलिक सीमा 140 और 250 mmHg के बीच होनी चाहिए।');
  });

  it('checks the escalation minutes: bounds, and the second after the first', () => {
    expect(settingsProblems(thresholds, { ...escalation, escalateAfterMinutes: 0 })).toEqual([{ field: 'escalateAfterMinutes', key: 'minutesBetween', min: 1, max: 240 }]);
    expect(settingsProblems(thresholds, { ...escalation, escalateAgainAfterMinutes: 15 })).toEqual([{ field: 'escalateAgainAfterMinutes', key: 'laterThanFirst' }]);
  });
});
