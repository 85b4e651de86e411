// Glucose time in range in words, with the consensus thresholds (70–180, 54, 250 mg/dL) in the reader's
// unit: 3.9–10.0, 3.0 and 13.9 mmol/L. The wording follows the targets the data misses, lows first, so
// it stays right whatever severity the rule gives them.
import type { InsightSeverity } from '@/lib/pipeline/insights';
import { GLUCOSE_WINDOW_DAYS as WINDOW_DAYS } from '@/lib/pipeline/glucose-targets';
import { displayUnit, formatNumber } from '../health';
import { byAudience, formatPercent, readNumbers, type InsightReader, type InsightText } from './reader';

const KEYS = ['readings', 'inRange', 'below70', 'below54', 'above180', 'above250'] as const;

export function glucoseText(severity: InsightSeverity, data: unknown, reader: InsightReader): InsightText | null {
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
