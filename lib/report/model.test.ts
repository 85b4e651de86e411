// Unit: the clinic report's model (pure) and its PDF drawn from it: whole-number shares that never print
// a share above 0 as 0, daily profiles in the patient's local days (DST included) with gaps kept, the AGP
// left out without CGM, meter-only periods without time in range; the PDF is one page and says so in text.
import { describe, expect, it, vi } from 'vitest';
import { agpAnswer, metricsAnswer, type PeriodGlucose } from '../data/glucose-report';
import { zonedDayRangeUtc } from '../time';
import { LOCALES, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { diabetesTypeLabel, rangesSentence, reportNumber } from './format';
import { buildReportModel, dailyProfiles, periodDays, type ReportInput } from './model';
import { renderReportPdf } from './pdf';

const TZ = 'America/New_York';
const FROM = '2026-10-26';
const TO = '2026-11-08'; // DST ends on 1 Nov 2026 in New York: a 25-hour local day inside the period

function glucose(cgm: { atMs: number; mgdl: number }[], meter: PeriodGlucose['meter'] = []): PeriodGlucose {
  return { from: FROM, to: TO, timeZone: TZ, fromMs: zonedDayRangeUtc(FROM, TZ).startMs, endMs: zonedDayRangeUtc(TO, TZ).endMs, cgm, meter };
}

/** Every 5 minutes over the period: 120 mg/dL, except 40 minutes a day at 50 (very low) from 03:00 local. */
function trace(): { atMs: number; mgdl: number }[] {
  const g = glucose([]);
  const out = [];
  for (let t = g.fromMs; t < g.endMs; t += 300_000) {
    const local = new Date(t);
    const hour = Number(new Intl.DateTimeFormat('en-US', { timeZone: TZ, hour: 'numeric', hourCycle: 'h23' }).format(local));
    const minute = Number(new Intl.DateTimeFormat('en-US', { timeZone: TZ, minute: 'numeric' }).format(local));
    out.push({ atMs: t, mgdl: hour === 3 && minute < 40 ? 50 : 120 });
  }
  return out;
}

function input(g: PeriodGlucose, extra: Partial<ReportInput> = {}): ReportInput {
  const metrics = metricsAnswer(g, 'STANDARD');
  return {
    patient: { id: 'p', name: 'Test Patient', timeZone: TZ }, glucose: g, metrics, agp: agpAnswer(g).slots,
    nowMs: Date.parse('2026-11-20T12:00:00Z'), unit: 'MG_DL', profile: null, medications: [], emergencies: [], ...extra,
  };
}

describe('buildReportModel', () => {
  it('rounds the shares to whole numbers that sum to 100, a tiny share never to 0', () => {
    const points = trace().map((p, i) => (i === 100 ? { ...p, mgdl: 300 } : p)); // 5 minutes very high in 14 days: 0.02 %
    const m = buildReportModel(input(glucose(points)));
    expect(m.source).toBe('cgm');
    expect(Object.values(m.ranges!).reduce((a, b) => a + b, 0)).toBe(100);
    expect(Object.values(m.ranges!).every(Number.isInteger)).toBe(true);
    expect(m.ranges!.veryHigh).toBe(1);
    expect(m.ranges!.veryLow).toBeGreaterThan(0);
    expect(m.agp).toHaveLength(96);
    expect(m.period).toEqual({ from: FROM, to: TO, days: 14 });
    expect(rangesSentence(m.ranges!, m.targets, 'MMOL_L')).toContain('In range (3.9–10.0 mmol/L)');
  });

  it('leaves out the ranges and the AGP for a meter-only period and keeps the note', () => {
    const at = Date.parse('2026-11-03T12:00:00Z');
    const m = buildReportModel(input(glucose([], [{ atMs: at, mgdl: 140, context: 'fasting' }])));
    expect(m.source).toBe('meter');
    expect(m.ranges).toBeNull();
    expect(m.agp).toBeNull();
    expect(m.metrics.note).toMatch(/Meter readings only/);
    expect(m.daily.find((d) => d.day === '2026-11-03')!.points).toHaveLength(1);
    expect(m.daily.every((d) => d.kind === 'meter')).toBe(true);
  });

  it('keeps labs absent unless given, and passes them through when given', () => {
    expect('labs' in buildReportModel(input(glucose(trace())))).toBe(false);
    const labs = [{ label: 'HbA1c', value: '7.1 %', takenOn: '2026-11-02' }];
    expect(buildReportModel(input(glucose(trace()), { labs })).labs).toEqual(labs);
  });
});

describe('dailyProfiles', () => {
  it('gives the last 14 local days, the DST day included, with the readings of each', () => {
    const days = dailyProfiles(glucose(trace()), 'cgm');
    expect(days.map((d) => d.day)).toEqual(Array.from({ length: 14 }, (_, i) => new Date(Date.parse(`${FROM}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10)));
    expect(days.find((d) => d.day === '2026-11-01')!.points).toHaveLength(300); // 25 hours
    expect(days.find((d) => d.day === '2026-11-02')!.points).toHaveLength(288);
    const first = days[0]!.points[0]!;
    expect(first).toMatchObject({ minute: 0, gapBefore: true });
  });

  it('breaks the line over a gap of more than 15 minutes, and shows at most 14 days of a longer period', () => {
    const points = trace().filter((p) => p.atMs < Date.parse('2026-11-05T15:00:00Z') || p.atMs >= Date.parse('2026-11-05T16:00:00Z'));
    const day = dailyProfiles(glucose(points), 'cgm').find((d) => d.day === '2026-11-05')!;
    expect(day.points.filter((p) => p.gapBefore)).toHaveLength(2);
    expect(dailyProfiles({ ...glucose(points), from: '2026-08-01' }, 'cgm')).toHaveLength(14);
    expect(periodDays('2026-08-01', TO)).toBe(100);
  });
});

describe('renderReportPdf', () => {
  it('draws one page whose text carries the name, the whole-number shares and the GMI', async () => {
    const m = buildReportModel(input(glucose(trace()), { medications: [{ name: 'Insulin glargine', dosage: '20 U', times: ['22:00'], startedOn: '2025-01-01', endedOn: null }] }));
    const pdf = await renderReportPdf(m);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(totalPages).toBe(1);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Test Patient');
    expect(flat).toContain('Time in Ranges');
    expect(flat).toContain(`${m.ranges!.target} %`);
    expect(flat).toContain(`${m.ranges!.veryLow} %`);
    expect(flat).toContain(`GMI`);
    expect(flat).toContain('Insulin glargine 20 U (22:00)');
  });

  it('stays on one page with many medications and emergencies (the rest counted)', async () => {
    const medications = Array.from({ length: 30 }, (_, i) => ({ name: `Medication ${i}`, dosage: null, times: [], startedOn: '2025-01-01', endedOn: null }));
    const emergencies = Array.from({ length: 20 }, () => ({ kind: 'GLUCOSE_LOW' as const, status: 'OPEN' as const, detectedAt: '2026-11-05T08:00:00Z', details: { mgdl: 45 } }));
    const pdf = await renderReportPdf(buildReportModel(input(glucose(trace()), { medications, emergencies })));
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(totalPages).toBe(1);
    expect(text).toMatch(/and \d+ more/);
  });

  it('prints allergies (dangerous ones marked) and conditions a line each, the rest counted, on one page', async () => {
    const allergies = [{ substance: 'Cashew nuts', reaction: 'anaphylaxis', severity: 'severe', dangerous: true }, { substance: 'Penicillin', reaction: 'hives', severity: 'moderate', dangerous: false }];
    const conditions = Array.from({ length: 40 }, (_, i) => ({ label: `Condition number ${i}`, code: 'E11.9', status: 'active' }));
    const m = buildReportModel(input(glucose(trace()), { allergies, conditions }));
    expect(m.allergies).toEqual(allergies);
    expect('conditions' in buildReportModel(input(glucose(trace())))).toBe(false);
    const pdf = await renderReportPdf(m);
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(totalPages).toBe(1);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Allergies: ! Cashew nuts (severe, anaphylaxis); Penicillin (moderate, hives)');
    expect(flat).toMatch(/Conditions: Condition number 0 E11\.9; .*; \+\d+ more/);
  });
});

describe('renderReportPdf in the reader\'s language', () => {
  // Words with conjuncts, reph and vowel signs written before or around their consonant: the extracted
  // text must give them in logical (typed) order, as a search or a screen reader needs them.
  const TITLE_WORDS: Record<Locale, string> = { en: 'AGP Report', hi: 'AGP रिपोर्ट', mr: 'AGP अहवाल', ta: 'AGP அறிக்கை', te: 'AGP నివేదిక', bn: 'AGP রিপোর্ট', gu: 'AGP રિપોર્ટ' };

  it.each(LOCALES)('%s: the headings, labels and numbers come out in that language and script', async (locale) => {
    const medications = [{ name: 'Insulin glargine', dosage: '20 U', times: ['22:00'], startedOn: '2025-01-01', endedOn: null }];
    const m = buildReportModel(input(glucose(trace()), { locale, medications, profile: { diabetesType: 'TYPE_2', diagnosisYear: 2015, targetHba1c: 7 } }));
    const pdf = await renderReportPdf(m);
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(totalPages).toBe(1);
    // Joiners (ZWNJ, ZWJ: invisible, they only steer shaping) are not kept by text extraction.
    const plain = (words: string) => words.replace(/[\u200C\u200D]/g, '');
    const flat = plain(text.replace(/\s+/g, ' '));
    const t = translator(locale, 'report');
    expect(flat).toContain(TITLE_WORDS[locale]);
    for (const words of [t('pdf.timeInRanges'), t('pdf.agp'), t('medications'), t('stats.sd'), t('dailyCgm'), t('stats.readings')]) expect(flat).toContain(plain(words));
    expect(flat).toContain('Test Patient'); // Latin names beside the script
    expect(flat).toContain('Insulin glargine 20 U');
    expect(flat).toContain(`${reportNumber(m.ranges!.target, locale)} %`);
    expect(flat).toContain(diabetesTypeLabel('TYPE_2', locale));
  });

  it('writes the meter-only report\'s note and meal contexts in the reader\'s language (Tamil)', async () => {
    const at = Date.parse('2026-11-03T12:00:00Z');
    const m = buildReportModel(input(glucose([], [{ atMs: at, mgdl: 140, context: 'fasting' }]), { locale: 'ta' }));
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await renderReportPdf(m))), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('வெறும் வயிற்றில்'); // fasting
    expect(flat).toContain('மீட்டர் அளவீடுகள் மட்டும்'); // the note: meter readings only
    expect(m.metrics.note).toMatch(/^Meter readings only/); // the API's note stays English
  });

  it('prints an English report on a machine without the Noto fonts (Helvetica), and names the package a script needs', async () => {
    vi.resetModules();
    vi.stubEnv('PULSE_NOTO_DIR', '/nonexistent-fonts');
    try {
      const { renderReportPdf: withoutNoto } = await import('./pdf');
      const pdf = await withoutNoto(buildReportModel(input(glucose(trace()))));
      const { extractText, getDocumentProxy } = await import('unpdf');
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
      expect(text.replace(/\s+/g, ' ')).toContain('Time in Ranges');
      await expect(async () => withoutNoto(buildReportModel(input(glucose(trace()), { locale: 'hi' })))).rejects.toThrow(/fonts-noto-core/);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
