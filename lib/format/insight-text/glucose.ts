// Glucose time in range in words, with the consensus thresholds (70–180, 54, 250 mg/dL) in the reader's
// unit: 3.9–10.0, 3.0 and 13.9 mmol/L. The wording follows the targets the data misses, lows first, so
// it stays right whatever severity the rule gives them.
import type { InsightSeverity } from '@/lib/pipeline/insights';
import { targetSet, type TargetPreset } from '@/lib/pipeline/glucose-metrics';
import { GLUCOSE_WINDOW_DAYS as WINDOW_DAYS } from '@/lib/pipeline/glucose-targets';
import { displayUnit, formatNumber } from '../health';
import { byAudience, formatPercent, readNumbers, type InsightReader, type InsightText } from './reader';

const KEYS = ['readings', 'inRange', 'below70', 'below54', 'above180', 'above250'] as const;

const CGM_KEYS = ['readings', 'inRange', 'below70', 'below54', 'above180', 'above250', 'low', 'high', 'cv', 'activePercent'] as const;
const PRESETS: readonly TargetPreset[] = ['STANDARD', 'OLDER_HIGH_RISK', 'PREGNANCY_TYPE_1'];

const METER_KEYS = ['meterReadings', 'meterBelow70', 'meterBelow54', 'meterAbove180', 'meterAbove250'] as const;

/**
 * A CGM wearer's insight, with their fingersticks when those miss a target (as a meter-only patient's
 * readings are judged): lows the meter saw lead the title even when the CGM's time below range is met.
 */
function cgmText(severity: InsightSeverity, data: Record<string, unknown>, reader: InsightReader): InsightText | null {
  const core = cgmTimeText(severity, data, reader);
  const m = readNumbers(data, METER_KEYS);
  if (!core || !m) return core;
  const unit = displayUnit('BLOOD_GLUCOSE', reader.units).label;
  const at = (mgdl: number) => formatNumber('BLOOD_GLUCOSE', mgdl, reader.units);
  const pct = formatPercent;
  const whose = byAudience(reader, { patient: 'your ', caregiver: (name) => `${name}’s `, doctor: '' });
  const sentence = `Of ${whose}${m.meterReadings} fingerstick readings in the last ${WINDOW_DAYS} days, ${pct(m.meterBelow70)} were below ${at(70)} ${unit} (target: under 4 %) and ${pct(m.meterBelow54)} below ${at(54)} ${unit} (target: under 1 %); ${pct(m.meterAbove180)} were above ${at(180)} ${unit} (target: under 25 %) and ${pct(m.meterAbove250)} above ${at(250)} ${unit} (target: under 5 %).`;
  const flags = typeof data['flags'] === 'string' && data['flags'] !== '' ? data['flags'].split(',') : [];
  const cgmLows = flags.includes('veryLow') || flags.includes('below');
  if (!cgmLows && (m.meterBelow54 >= 1 || m.meterBelow70 >= 4)) {
    const advice = byAudience(reader, { patient: ' Consider going over this with your care team.', caregiver: () => ' It may be worth going over this with their care team.', doctor: '' });
    return { title: 'Low glucose readings need attention', body: `${sentence} ${core.body}${advice}` };
  }
  return { title: flags.length === 0 ? 'Fingerstick readings miss their targets' : core.title, body: `${core.body} ${sentence}` };
}

/**
 * A CGM wearer's time: shares of time (not of readings) against their preset's targets, with CV and
 * wear. Only the targets the preset states are named; lows first.
 */
function cgmTimeText(severity: InsightSeverity, data: Record<string, unknown>, reader: InsightReader): InsightText | null {
  const d = readNumbers(data, CGM_KEYS);
  const preset = PRESETS.find((p) => p === data['preset']);
  if (!d || !preset) return null;
  const unit = displayUnit('BLOOD_GLUCOSE', reader.units).label;
  const at = (mgdl: number) => formatNumber('BLOOD_GLUCOSE', mgdl, reader.units);
  const pct = formatPercent;
  const set = targetSet(preset);
  const values = { veryLow: d.below54, below: d.below70, veryHigh: d.above250, above: d.above180, target: d.inRange } as const;
  const bound = { veryLow: `below ${at(54)}`, below: `below ${at(d.low)}`, veryHigh: `above ${at(250)}`, above: `above ${at(d.high)}`, target: `in range (${at(d.low)}–${at(d.high)}` } as const;
  const describe = (keys: readonly (keyof typeof values)[]) => set.targets
    .filter((t) => (keys as readonly string[]).includes(t.share))
    .map((t) => `${pct(values[t.share as keyof typeof values])} ${bound[t.share as keyof typeof values]} ${unit}${t.share === 'target' ? ')' : ''} (target: ${t.bound === 'max' ? 'under' : 'more than'} ${t.percent} %)`);
  const whose = byAudience(reader, { patient: 'your ', caregiver: (name) => `${name}’s `, doctor: '' });
  const period = `the time in the last ${WINDOW_DAYS} days (${whose}CGM, worn ${pct(d.activePercent)} of the time; CV ${pct(d.cv)}, target 36 % or less)`;
  const flags = typeof data['flags'] === 'string' ? data['flags'].split(',') : [];
  const lows = flags.includes('veryLow') || flags.includes('below');
  if (severity === 'INFO' && flags.length === 0) {
    return { title: `Time in range: ${pct(d.inRange)}`, body: `Glucose was in range (${at(d.low)}–${at(d.high)} ${unit}) ${pct(d.inRange)} of ${period}, meeting the targets.` };
  }
  if (lows) {
    const advice = byAudience(reader, {
      patient: ' Consider going over this with your care team.',
      caregiver: () => ' It may be worth going over this with their care team.',
      doctor: '',
    });
    return { title: 'Low glucose needs attention', body: `Of ${period}: ${describe(['veryLow', 'below', 'veryHigh', 'above', 'target']).join('; ')}.${advice}` };
  }
  if (flags.some((f) => f === 'veryHigh' || f === 'above' || f === 'target')) {
    return { title: 'Glucose is often above range', body: `Of ${period}: ${describe(['veryHigh', 'above', 'target']).join('; ')}.` };
  }
  if (flags.includes('cv')) {
    return { title: 'Glucose varies a lot', body: `Glucose varied with a CV of ${pct(d.cv)} (target 36 % or less) over the last ${WINDOW_DAYS} days; in range ${pct(d.inRange)} of the time.` };
  }
  if (flags.includes('wear')) {
    return { title: 'CGM worn less than 70 % of the time', body: `The CGM was active ${pct(d.activePercent)} of the last ${WINDOW_DAYS} days; 70 % is needed for the figures to represent them. In range ${pct(d.inRange)} of the time it was worn.` };
  }
  return { title: `Time in range: ${pct(d.inRange)}`, body: `Glucose was in range (${at(d.low)}–${at(d.high)} ${unit}) ${pct(d.inRange)} of ${period}.` };
}

export function glucoseText(severity: InsightSeverity, data: unknown, reader: InsightReader): InsightText | null {
  if (typeof data === 'object' && data !== null && (data as Record<string, unknown>)['source'] === 'cgm') return cgmText(severity, data as Record<string, unknown>, reader);
  const d = readNumbers(data, KEYS);
  if (!d) return null;
  const unit = displayUnit('BLOOD_GLUCOSE', reader.units).label;
  const at = (mgdl: number) => formatNumber('BLOOD_GLUCOSE', mgdl, reader.units);
  const range = `${at(70)}–${at(180)} ${unit}`;
  const pct = formatPercent;
  const whose = byAudience(reader, { patient: 'your ', caregiver: (name) => `${name}’s `, doctor: '' });
  const period = `${whose}${d.readings} readings in the last ${WINDOW_DAYS} days`;
  const lows = `${pct(d.below70)} of ${period} were below ${at(70)} ${unit} (target: under 4 %), ${pct(d.below54)} below ${at(54)} ${unit} (target: under 1 %).`;
  const highs = `${pct(d.above180)} were above ${at(180)} ${unit} (target: under 25 %) and ${pct(d.above250)} above ${at(250)} ${unit} (target: under 5 %).`;
  const missesLow = d.below54 >= 1 || d.below70 >= 4;
  const missesHigh = d.above250 >= 5 || d.above180 >= 25;

  if (severity === 'INFO') {
    return { title: `Time in range: ${pct(d.inRange)}`, body: `${pct(d.inRange)} of ${period} were in range (${range}), meeting the targets.` };
  }
  if (missesLow) {
    const advice = byAudience(reader, {
      patient: ' Consider going over this with your care team.',
      caregiver: () => ' It may be worth going over this with their care team.',
      doctor: '',
    });
    return { title: 'Low glucose readings need attention', body: `${lows}${missesHigh ? ` Also, ${highs}` : ''}${advice}` };
  }
  if (d.inRange <= 70) { // the target is "more than 70 %": exactly 70 misses it (glucose-targets)
    return { title: 'Time in range is below target', body: `${pct(d.inRange)} of ${period} were in range (${range}); the target is more than 70 %. ${highs}` };
  }
  if (missesHigh) {
    return { title: 'Glucose is often above range', body: `Of ${period}, ${highs} Time in range (${range}) was ${pct(d.inRange)}.` };
  }
  // Severity above INFO although no rounded share misses a target: state the figures, claim nothing.
  return { title: `Time in range: ${pct(d.inRange)}`, body: `${pct(d.inRange)} of ${period} were in range (${range}). ${highs}` };
}
