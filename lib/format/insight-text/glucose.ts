// Glucose time in range in words, with the consensus thresholds (70–180, 54, 250 mg/dL) in the reader's
// unit: 3.9–10.0, 3.0 and 13.9 mmol/L. The wording follows the targets the data misses, lows first, so
// it stays right whatever severity the rule gives them.
import type { InsightSeverity } from '@/lib/pipeline/insights';
import { targetSet, type TargetPreset } from '@/lib/pipeline/glucose-metrics';
import { GLUCOSE_WINDOW_DAYS as WINDOW_DAYS } from '@/lib/pipeline/glucose-targets';
import { displayUnit, formatNumber } from '../health';
import { audienceValues, formatPercent, insightT, localeOf, readNumbers, type InsightReader, type InsightText } from './reader';

const KEYS = ['readings', 'inRange', 'below70', 'below54', 'above180', 'above250'] as const;

const CGM_KEYS = ['readings', 'inRange', 'below70', 'below54', 'above180', 'above250', 'low', 'high', 'cv', 'activePercent'] as const;
const PRESETS: readonly TargetPreset[] = ['STANDARD', 'OLDER_HIGH_RISK', 'PREGNANCY_TYPE_1'];

const METER_KEYS = ['meterReadings', 'meterBelow70', 'meterBelow54', 'meterAbove180', 'meterAbove250'] as const;

/** What every glucose text needs: the translator, glucose "70 mg/dL" in the reader's unit and digits, shares as "4 %". */
function writer(reader: InsightReader) {
  const locale = localeOf(reader);
  const unit = displayUnit('BLOOD_GLUCOSE', reader.units).label;
  const number = (mgdl: number) => formatNumber('BLOOD_GLUCOSE', mgdl, reader.units, locale);
  return {
    t: insightT(reader),
    at: (mgdl: number) => `${number(mgdl)} ${unit}`,
    range: (low: number, high: number) => `${number(low)}–${number(high)} ${unit}`,
    pct: (value: number) => formatPercent(value, locale),
    /** The advice after lows, for the patient and a caregiver; none for a doctor. */
    advice: reader.audience === 'doctor' ? '' : (insightT(reader)(`glucose.advice.${reader.audience}`)),
    name: audienceValues(reader) as { name: string },
  };
}

/**
 * A CGM wearer's insight, with their fingersticks when those miss a target (as a meter-only patient's
 * readings are judged): lows the meter saw lead the title even when the CGM's time below range is met.
 */
function cgmText(severity: InsightSeverity, data: Record<string, unknown>, reader: InsightReader): InsightText | null {
  const core = cgmTimeText(severity, data, reader);
  const m = readNumbers(data, METER_KEYS);
  if (!core || !m) return core;
  const { t, at, pct, advice, name } = writer(reader);
  const sentence = t('glucose.meter.sentence', {
    period: t(`glucose.meter.period.${reader.audience}`, { ...name, count: m.meterReadings, days: WINDOW_DAYS }),
    below70: pct(m.meterBelow70), low: at(70), below54: pct(m.meterBelow54), veryLow: at(54),
    above180: pct(m.meterAbove180), high: at(180), above250: pct(m.meterAbove250), veryHigh: at(250),
  });
  const flags = typeof data['flags'] === 'string' && data['flags'] !== '' ? data['flags'].split(',') : [];
  const cgmLows = flags.includes('veryLow') || flags.includes('below');
  if (!cgmLows && (m.meterBelow54 >= 1 || m.meterBelow70 >= 4)) {
    return { title: t('glucose.lowTitle'), body: [sentence, core.body, advice].filter(Boolean).join(' ') };
  }
  return { title: flags.length === 0 ? t('glucose.meter.missTitle') : core.title, body: `${core.body} ${sentence}` };
}

/**
 * A CGM wearer's time: shares of time (not of readings) against their preset's targets, with CV and
 * wear. Only the targets the preset states are named; lows first.
 */
function cgmTimeText(severity: InsightSeverity, data: Record<string, unknown>, reader: InsightReader): InsightText | null {
  const d = readNumbers(data, CGM_KEYS);
  const preset = PRESETS.find((p) => p === data['preset']);
  if (!d || !preset) return null;
  const { t, at, range, pct, advice, name } = writer(reader);
  const set = targetSet(preset);
  const share = {
    veryLow: () => t('glucose.cgm.share.below', { percent: pct(d.below54), value: at(54) }),
    below: () => t('glucose.cgm.share.below', { percent: pct(d.below70), value: at(d.low) }),
    veryHigh: () => t('glucose.cgm.share.above', { percent: pct(d.above250), value: at(250) }),
    above: () => t('glucose.cgm.share.above', { percent: pct(d.above180), value: at(d.high) }),
    target: () => t('glucose.cgm.share.inRange', { percent: pct(d.inRange), range: range(d.low, d.high) }),
  } as const;
  const describe = (keys: readonly (keyof typeof share)[]) => t('glucose.cgm.shares', {
    period,
    shares: set.targets
      .filter((target) => (keys as readonly string[]).includes(target.share))
      .map((target) => t(target.bound === 'max' ? 'glucose.cgm.targetMax' : 'glucose.cgm.targetMin', { share: share[target.share as keyof typeof share](), limit: pct(target.percent) }))
      .join('; '),
  });
  const period = t(`glucose.cgm.period.${reader.audience}`, { ...name, days: WINDOW_DAYS, worn: pct(d.activePercent), cv: pct(d.cv) });
  const inRange = { range: range(d.low, d.high), percent: pct(d.inRange), period };
  const flags = typeof data['flags'] === 'string' ? data['flags'].split(',') : [];
  const lows = flags.includes('veryLow') || flags.includes('below');
  if (severity === 'INFO' && flags.length === 0) {
    return { title: t('glucose.inRangeTitle', { percent: pct(d.inRange) }), body: t('glucose.cgm.inRangeMet', inRange) };
  }
  if (lows) {
    return { title: t('glucose.cgm.lowTitle'), body: [describe(['veryLow', 'below', 'veryHigh', 'above', 'target']), advice].filter(Boolean).join(' ') };
  }
  if (flags.some((f) => f === 'veryHigh' || f === 'above' || f === 'target')) {
    return { title: t('glucose.oftenAboveTitle'), body: describe(['veryHigh', 'above', 'target']) };
  }
  if (flags.includes('cv')) {
    return { title: t('glucose.cgm.variesTitle'), body: t('glucose.cgm.varies', { cv: pct(d.cv), days: WINDOW_DAYS, percent: pct(d.inRange) }) };
  }
  if (flags.includes('wear')) {
    return { title: t('glucose.cgm.wearTitle'), body: t('glucose.cgm.wear', { worn: pct(d.activePercent), days: WINDOW_DAYS, percent: pct(d.inRange) }) };
  }
  return { title: t('glucose.inRangeTitle', { percent: pct(d.inRange) }), body: t('glucose.cgm.inRange', inRange) };
}

export function glucoseText(severity: InsightSeverity, data: unknown, reader: InsightReader): InsightText | null {
  if (typeof data === 'object' && data !== null && (data as Record<string, unknown>)['source'] === 'cgm') return cgmText(severity, data as Record<string, unknown>, reader);
  const d = readNumbers(data, KEYS);
  if (!d) return null;
  const { t, at, range: between, pct, advice, name } = writer(reader);
  const range = between(70, 180);
  const period = t(`glucose.period.${reader.audience}`, { ...name, count: d.readings, days: WINDOW_DAYS });
  const percent = pct(d.inRange);
  const lows = t('glucose.lows', { below70: pct(d.below70), period, low: at(70), below54: pct(d.below54), veryLow: at(54) });
  const highs = t('glucose.highs', { above180: pct(d.above180), high: at(180), above250: pct(d.above250), veryHigh: at(250) });
  const missesLow = d.below54 >= 1 || d.below70 >= 4;
  const missesHigh = d.above250 >= 5 || d.above180 >= 25;

  if (severity === 'INFO') {
    return { title: t('glucose.inRangeTitle', { percent }), body: t('glucose.inRangeMet', { percent, period, range }) };
  }
  if (missesLow) {
    return { title: t('glucose.lowTitle'), body: [lows, missesHigh && t('glucose.alsoHighs', { highs }), advice].filter(Boolean).join(' ') };
  }
  if (d.inRange <= 70) { // the target is "more than 70 %": exactly 70 misses it (glucose-targets)
    return { title: t('glucose.belowTargetTitle'), body: `${t('glucose.belowTarget', { percent, period, range })} ${highs}` };
  }
  if (missesHigh) {
    return { title: t('glucose.oftenAboveTitle'), body: t('glucose.oftenAbove', { period, highs, range, percent }) };
  }
  // Severity above INFO although no rounded share misses a target: state the figures, claim nothing.
  return { title: t('glucose.inRangeTitle', { percent }), body: `${t('glucose.inRange', { percent, period, range })} ${highs}` };
}
