// Insight texts in the reader's language (issue 21): the same numbers, worded from messages/<locale>.json,
// with the locale's digits and plurals. English (no locale given) is what the other tests here check.
import { describe, expect, it } from 'vitest';
import { activityChange, glucoseTimeInRange, medicationAdherence, sleepDeficit, type InsightResult } from '@/lib/pipeline/insights';
import { NOW_MS, range, series, TODAY } from '@/lib/pipeline/insights/test-days';
import { LOCALES } from '@/lib/i18n/locales';
import { DEFAULT_UNITS, type UnitPreferences } from '../health';
import { renderInsightText, type InsightReader } from '.';

const MMOL: UnitPreferences = { ...DEFAULT_UNITS, glucoseUnit: 'MMOL_L' };
const must = (result: InsightResult | null) => {
  if (!result) throw new Error('expected an insight');
  return result;
};
const activity = must(activityChange({ steps: [...series(range(0, 6), () => 600), ...series(range(7, 34), () => 1000)], today: TODAY }));
const sleep = must(sleepDeficit({ nights: series(range(0, 6), (ago) => (ago === 0 ? 359 : 360)), today: TODAY }));
const glucose = must(glucoseTimeInRange({ readings: Array.from({ length: 100 }, (_, i) => ({ atMs: NOW_MS - i * 3_600_000, mgdl: i < 3 ? 50 : 120 })), nowMs: NOW_MS }));

describe('a Tamil-reading caregiver', () => {
  const reader: InsightReader = { audience: 'caregiver', units: DEFAULT_UNITS, patientName: 'Robin Reader', locale: 'ta' };

  it('reads the patient by name, in Tamil', () => {
    expect(renderInsightText(activity, reader)).toEqual({
      title: 'இந்த வாரம் Robin Reader குறைவாக சுறுசுறுப்பாக இருந்தார்',
      body: 'இந்த வாரம் சுமார் 4,200 அடிகள்; இது முந்தைய 4 வாரங்களில் Robin Reader அவர்களின் வழக்கமான வாரத்துக்கு 7,000 என்பதைவிட 40 % குறைவு.',
    });
    expect(renderInsightText(sleep, reader).body).toBe(
      'கடந்த 14 நாட்களில் Robin Reader சராசரியாக இரவுக்கு 5 h 59 min தூங்கினார் (7 இரவுகள் பதிவு). பெரும்பாலான பெரியவர்களுக்கு 7 மணி நேரம் அல்லது அதற்கு மேல் தேவை.',
    );
  });

  it('gets the advice after lows meant for a caregiver', () => {
    const { title, body } = renderInsightText(glucose, reader);
    expect(title).toBe('குறைந்த குளுக்கோஸ் அளவீடுகளைக் கவனிக்க வேண்டும்');
    expect(body).toMatch(/^கடந்த 14 நாட்களில் Robin Reader அவர்களின் 100 அளவீடுகள்: 3 % 70 mg\/dL க்குக் கீழே/);
    expect(body).toMatch(/இதை அவர்களின் பராமரிப்புக் குழுவுடன் பேசுவது நல்லது\.$/);
  });
});

describe('digits, grouping and units follow the reader', () => {
  it('Marathi: Devanagari digits, lakh grouping, the unit symbol in Latin script', () => {
    const doctor: InsightReader = { audience: 'doctor', units: MMOL, locale: 'mr' };
    expect(renderInsightText(glucose, doctor).body).toContain('३.९ mmol/L');
    expect(renderInsightText(activity, { audience: 'patient', units: DEFAULT_UNITS, locale: 'mr' }).body).toContain('सुमारे ४,२०० पावले');
  });

  it('Hindi: the doctor reads the breakdown of the week, no advice', () => {
    const statuses = ['TAKEN', 'TAKEN', 'TAKEN_LATE', 'MISSED', 'SKIPPED'] as const;
    const result = must(medicationAdherence({ logs: statuses.map((status, i) => ({ scheduledAtMs: NOW_MS - (i + 1) * 3_600_000, status })), nowMs: NOW_MS }));
    expect(renderInsightText(result, { audience: 'doctor', units: DEFAULT_UNITS, locale: 'hi' })).toEqual({
      title: 'इस हफ़्ते कुछ खुराकें छूट गईं',
      body: 'पिछले 7 दिनों में तय 5 में से 3 खुराकें ली गईं (60 %; 1 देर से ली गईं, 1 छूटीं, 1 छोड़ी गईं) और पिछले 30 दिनों में 5 में से 3 (60 %)।',
    });
  });

  it.each(LOCALES)('%s: every kind renders without a message key, NaN or a stray placeholder', (locale) => {
    for (const result of [activity, sleep, glucose]) {
      for (const reader of [
        { audience: 'patient', units: DEFAULT_UNITS, locale },
        { audience: 'caregiver', units: MMOL, patientName: 'Asha', locale },
        { audience: 'doctor', units: MMOL, locale },
      ] satisfies InsightReader[]) {
        const { title, body } = renderInsightText(result, reader);
        expect(`${title} ${body}`).not.toMatch(/NaN|undefined|insights\.|[{}]/);
      }
    }
    expect(renderInsightText({ kind: 'SLEEP_DEFICIT', severity: 'MEDIUM', data: null }, { audience: 'doctor', units: DEFAULT_UNITS, locale }).title).not.toMatch(/kindTitles/);
  });
});
