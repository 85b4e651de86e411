// Unit: the clinic report's model (pure) and its PDF drawn from it: whole-number shares that never print
// a share above 0 as 0, daily profiles in the patient's local days (DST included) with gaps kept, the AGP
// left out without CGM, meter-only periods without time in range; the PDF is one page and says so in text.
import { describe, expect, it } from 'vitest';
import { agpAnswer, metricsAnswer, type PeriodGlucose } from '../data/glucose-report';
import { zonedDayRangeUtc } from '../time';
import { rangesSentence } from './format';
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
