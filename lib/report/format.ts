// Words, numbers and colours of the clinic report, shared by the page and the PDF (client-safe, no I/O):
// the consensus range names and colours (as the AGP report prints them), glucose in the reader's unit,
// and the sentences that stand in for each chart for screen readers and in the PDF's text.
import { formatNumber, localDigits, type UnitPreferences } from '../format/health';
import type { GlucoseMetricsAnswer } from '../data/glucose-report';
import { intlLocale, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import type { RangeKey, RangeShares, TargetSet } from '../pipeline/glucose-metrics';
import type { ReportModel } from './model';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const dayFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: 'UTC' });

/** '2026-05-03' → '3 May 2026' (English keeps the AGP report's day-month-year; the others as Intl writes them). */
export function reportDay(day: string, locale: Locale = 'en'): string {
  const [y, m, d] = day.split('-');
  if (locale === 'en') return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  return dayFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(`${day}T00:00:00Z`));
}

/** '2026-05-03' → 'Sun 3 May' */
export function profileDay(day: string, locale: Locale = 'en'): string {
  const [, m, d] = day.split('-');
  if (locale === 'en') return `${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]} ${Number(d)} ${MONTHS[Number(m) - 1]}`;
  return dayFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${day}T00:00:00Z`));
}

/** '2026-05-03', day and month only ('3 May'), for the PDF's small daily charts. */
export function shortDay(day: string, locale: Locale = 'en'): string {
  if (locale === 'en') return reportDay(day).replace(/ \d{4}$/, '');
  return dayFormat(locale, { day: 'numeric', month: 'short' }).format(new Date(`${day}T00:00:00Z`));
}

/** A number as the reader writes it ("72", "৭২"), with `decimals` fixed digits. */
export function reportNumber(value: number, locale: Locale = 'en', decimals = 0): string {
  return localDigits(value.toFixed(decimals), locale);
}

/** A percentage as printed: "72 %", "7.4 %" (one decimal). */
export const percentText = (value: number, locale: Locale = 'en', decimals = 0) => `${reportNumber(value, locale, decimals)} %`;

export const RANGE_ORDER: RangeKey[] = ['veryHigh', 'high', 'target', 'low', 'veryLow'];

/** The consensus colours of the time-in-ranges bar (dark red, red, green, yellow, orange from the bottom up). */
export const RANGE_COLOURS: Record<RangeKey, string> = {
  veryLow: '#8b1a1a',
  low: '#e0362c',
  target: '#2f9e44',
  high: '#f5b800',
  veryHigh: '#e8740c',
};

export const unitPrefs = (unit: ReportModel['unit']): UnitPreferences => ({ glucoseUnit: unit, weightUnit: 'KG', distanceUnit: 'KM', temperatureUnit: 'CELSIUS' });
export const unitLabel = (unit: ReportModel['unit']) => (unit === 'MMOL_L' ? 'mmol/L' : 'mg/dL');

/** A glucose value (mg/dL) as the reader reads it, without the unit: 70 → "70" or "3.9". */
export const glucoseNumber = (mgdl: number, unit: ReportModel['unit'], locale: Locale = 'en') => formatNumber('BLOOD_GLUCOSE', mgdl, unitPrefs(unit), locale);
export const glucoseText = (mgdl: number, unit: ReportModel['unit'], locale: Locale = 'en') => `${glucoseNumber(mgdl, unit, locale)} ${unitLabel(unit)}`;
export const toUnit = (mgdl: number, unit: ReportModel['unit']) => (unit === 'MMOL_L' ? mgdl / 18.0156 : mgdl);

/** Each range with its bounds in the reader's unit, for the preset's in-range bounds. */
export function rangeLabels(set: Pick<TargetSet, 'low' | 'high'>, unit: ReportModel['unit'], locale: Locale = 'en'): Record<RangeKey, string> {
  const t = translator(locale, 'report');
  const n = (v: number) => glucoseNumber(v, unit, locale);
  const u = unitLabel(unit);
  return {
    veryHigh: t('ranges.veryHigh', { value: n(250), unit: u }),
    high: t('ranges.high', { from: n(set.high + 1), to: n(250), unit: u }),
    target: t('ranges.target', { from: n(set.low), to: n(set.high), unit: u }),
    low: t('ranges.low', { from: n(54), to: n(set.low - 1), unit: u }),
    veryLow: t('ranges.veryLow', { value: n(54), unit: u }),
  };
}

/** The consensus goal printed beside each range (a "below" goal covers the more extreme range too). */
export function rangeGoals(set: TargetSet, locale: Locale = 'en'): Partial<Record<RangeKey, string>> {
  const tr = translator(locale, 'report');
  const goal = (share: string) => set.targets.find((t) => t.share === share);
  const text = (t: ReturnType<typeof goal>) => (t ? tr(t.bound === 'min' ? 'ranges.goalMin' : 'ranges.goalMax', { percent: reportNumber(t.percent, locale) }) : undefined);
  const out: Partial<Record<RangeKey, string>> = {};
  const pairs: [RangeKey, string][] = [['veryHigh', 'veryHigh'], ['high', 'above'], ['target', 'target'], ['low', 'below'], ['veryLow', 'veryLow']];
  for (const [key, share] of pairs) {
    const t = text(goal(share));
    if (t) out[key] = share === 'above' ? tr('ranges.goalAbove', { goal: t }) : share === 'below' ? tr('ranges.goalBelow', { goal: t }) : t;
  }
  return out;
}

/** "In range 72 %, low 3 %, …": the bar as a sentence (whole numbers, as printed). */
export function rangesSentence(ranges: RangeShares, set: TargetSet, unit: ReportModel['unit'], locale: Locale = 'en'): string {
  const labels = rangeLabels(set, unit, locale);
  return RANGE_ORDER.map((k) => `${labels[k]}: ${percentText(ranges[k], locale)}`).join('; ');
}

/** The AGP as a sentence: the median's lowest and highest points and when, the widest 5–95 % spread. */
export function agpSentence(model: Pick<ReportModel, 'agp' | 'unit'>, locale: Locale = 'en'): string {
  const tr = translator(locale, 'report');
  const slots = (model.agp ?? []).filter((s) => s.n > 0 && s.p50 !== null);
  if (slots.length === 0) return tr('agpText.none');
  const t = (m: number) => localDigits(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`, locale);
  const lo = slots.reduce((a, b) => (b.p50! < a.p50! ? b : a));
  const hi = slots.reduce((a, b) => (b.p50! > a.p50! ? b : a));
  const wide = slots.reduce((a, b) => (b.p95! - b.p5! > a.p95! - a.p5! ? b : a));
  const g = (v: number) => glucoseText(v, model.unit, locale);
  const missing = 96 - slots.length;
  const summary = tr('agpText.summary', { low: g(lo.p50!), lowAt: t(lo.minute), high: g(hi.p50!), highAt: t(hi.minute), p5: g(wide.p5!), p95: g(wide.p95!), wideAt: t(wide.minute) });
  return missing > 0 ? `${summary} ${tr('agpText.missing', { count: reportNumber(missing, locale) })}` : summary;
}

/** The metrics answer's note in the reader's words, keyed by the situation (the API's `note` stays English). */
export function metricsNote(metrics: Pick<GlucoseMetricsAnswer, 'note' | 'source' | 'readings'>, locale: Locale = 'en'): string | null {
  if (!metrics.note) return null;
  const t = translator(locale, 'report');
  if (metrics.source === 'cgm') return t('notes.cgmLow');
  return metrics.readings === 0 ? t('notes.noReadings') : t('notes.meterOnly');
}

/** A label of a known code, else the code itself (a value added later shows rather than breaks). */
function known(locale: Locale, namespace: 'report' | 'glucose', group: string, code: string): string {
  const t = translator(locale, namespace) as unknown as { (key: string): string; has(key: string): boolean };
  return t.has(`${group}.${code}`) ? t(`${group}.${code}`) : code;
}

export const diabetesTypeLabel = (code: string, locale: Locale = 'en') => known(locale, 'glucose', 'types', code);
export const presetLabel = (preset: TargetSet['preset'], locale: Locale = 'en') => translator(locale, 'glucose')(`presets.${preset}`);
export const contextLabel = (context: string, locale: Locale = 'en') => known(locale, 'report', 'contexts', context);
export const emergencyLabel = (kind: string, locale: Locale = 'en') => known(locale, 'report', 'emergencyKinds', kind);
export const emergencyStatusLabel = (status: string, locale: Locale = 'en') => known(locale, 'report', 'emergencyStatus', status);
export const severityLabel = (severity: string, locale: Locale = 'en') => known(locale, 'report', 'severity', severity);
export const conditionStatusLabel = (status: string, locale: Locale = 'en') => known(locale, 'report', 'conditionStatus', status);
