// Words, numbers and colours of the clinic report, shared by the page and the PDF (client-safe, no I/O):
// the consensus range names and colours (as the AGP report prints them), glucose in the reader's unit,
// and the sentences that stand in for each chart for screen readers and in the PDF's text.
import { formatNumber, type UnitPreferences } from '../format/health';
import type { RangeKey, RangeShares, TargetSet } from '../pipeline/glucose-metrics';
import type { ReportModel } from './model';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** '2026-05-03' → '3 May 2026' */
export function reportDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** '2026-05-03' → 'Sun 3 May' */
export function profileDay(day: string): string {
  const [, m, d] = day.split('-');
  return `${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]} ${Number(d)} ${MONTHS[Number(m) - 1]}`;
}

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
export const glucoseNumber = (mgdl: number, unit: ReportModel['unit']) => formatNumber('BLOOD_GLUCOSE', mgdl, unitPrefs(unit));
export const glucoseText = (mgdl: number, unit: ReportModel['unit']) => `${glucoseNumber(mgdl, unit)} ${unitLabel(unit)}`;
export const toUnit = (mgdl: number, unit: ReportModel['unit']) => (unit === 'MMOL_L' ? mgdl / 18.0156 : mgdl);

/** Each range with its bounds in the reader's unit, for the preset's in-range bounds. */
export function rangeLabels(set: Pick<TargetSet, 'low' | 'high'>, unit: ReportModel['unit']): Record<RangeKey, string> {
  const n = (v: number) => glucoseNumber(v, unit);
  const u = unitLabel(unit);
  return {
    veryHigh: `Very high (above ${n(250)} ${u})`,
    high: `High (${n(set.high + 1)}–${n(250)} ${u})`,
    target: `In range (${n(set.low)}–${n(set.high)} ${u})`,
    low: `Low (${n(54)}–${n(set.low - 1)} ${u})`,
    veryLow: `Very low (below ${n(54)} ${u})`,
  };
}

/** The consensus goal printed beside each range (a "below" goal covers the more extreme range too). */
export function rangeGoals(set: TargetSet): Partial<Record<RangeKey, string>> {
  const goal = (share: string) => set.targets.find((t) => t.share === share);
  const text = (t: ReturnType<typeof goal>) => (t ? `goal ${t.bound === 'min' ? '>' : '<'} ${t.percent} %` : undefined);
  const out: Partial<Record<RangeKey, string>> = {};
  const pairs: [RangeKey, string][] = [['veryHigh', 'veryHigh'], ['high', 'above'], ['target', 'target'], ['low', 'below'], ['veryLow', 'veryLow']];
  for (const [key, share] of pairs) {
    const t = text(goal(share));
    if (t) out[key] = share === 'above' ? `${t} (high + very high)` : share === 'below' ? `${t} (low + very low)` : t;
  }
  return out;
}

/** "In range 72 %, low 3 %, …": the bar as a sentence (whole numbers, as printed). */
export function rangesSentence(ranges: RangeShares, set: TargetSet, unit: ReportModel['unit']): string {
  const labels = rangeLabels(set, unit);
  return RANGE_ORDER.map((k) => `${labels[k]}: ${ranges[k]} %`).join('; ');
}

/** The AGP as a sentence: the median's lowest and highest points and when, the widest 5–95 % spread. */
export function agpSentence(model: Pick<ReportModel, 'agp' | 'unit'>): string {
  const slots = (model.agp ?? []).filter((s) => s.n > 0 && s.p50 !== null);
  if (slots.length === 0) return 'No CGM readings in this period: no glucose profile.';
  const t = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const lo = slots.reduce((a, b) => (b.p50! < a.p50! ? b : a));
  const hi = slots.reduce((a, b) => (b.p50! > a.p50! ? b : a));
  const wide = slots.reduce((a, b) => (b.p95! - b.p5! > a.p95! - a.p5! ? b : a));
  const g = (v: number) => glucoseText(v, model.unit);
  const missing = 96 - slots.length;
  return `Median glucose lowest ${g(lo.p50!)} around ${t(lo.minute)}, highest ${g(hi.p50!)} around ${t(hi.minute)}; ` +
    `the widest spread (5th to 95th percentile) ${g(wide.p5!)} to ${g(wide.p95!)} around ${t(wide.minute)}.` +
    (missing > 0 ? ` ${missing} of 96 quarter-hours have no readings (left blank).` : '');
}

export const DIABETES_TYPE_LABELS: Record<string, string> = {
  TYPE_1: 'Type 1', TYPE_2: 'Type 2', GESTATIONAL: 'Gestational', PREDIABETES: 'Prediabetes', OTHER: 'Other',
};
export const PRESET_LABELS: Record<TargetSet['preset'], string> = {
  STANDARD: 'Standard (70–180 mg/dL)',
  OLDER_HIGH_RISK: 'Older or high-risk (70–180 mg/dL, fewer lows)',
  PREGNANCY_TYPE_1: 'Pregnancy with type 1 (63–140 mg/dL)',
};
export const CONTEXT_LABELS: Record<string, string> = {
  fasting: 'Fasting', before_breakfast: 'Before breakfast', after_breakfast: 'After breakfast', before_lunch: 'Before lunch',
  after_lunch: 'After lunch', before_dinner: 'Before dinner', after_dinner: 'After dinner', bedtime: 'Bedtime', random: 'Other time',
  unspecified: 'No meal context',
};
export const EMERGENCY_LABELS: Record<string, string> = { GLUCOSE_LOW: 'Very low glucose', GLUCOSE_HIGH: 'Very high glucose', BLOOD_PRESSURE_CRISIS: 'Blood pressure crisis', MISSED_MEDICATION: 'Missed doses of a critical medication' };
export const EMERGENCY_STATUS: Record<string, string> = { OPEN: 'open', ACKNOWLEDGED: 'acknowledged', ESCALATED: 'escalated', RESOLVED: 'resolved' };

/** Whole percentage as printed: 12.4 → "12 %". */
export const wholePercent = (v: number) => `${Math.round(v)} %`;
export const oneDecimal = (v: number) => v.toFixed(1);
