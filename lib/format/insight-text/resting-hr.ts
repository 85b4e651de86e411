// Resting heart rate trend in words. The advice after a steep rise (the rule's HIGH) fits the reader:
// the patient is pointed to their doctor, a doctor is given the usual causes.
import type { InsightSeverity } from '@/lib/pipeline/insights';
import { RESTING_HR_WINDOW_DAYS } from '@/lib/pipeline/insights/resting-hr-trend';
import { byAudience, readNumbers, type InsightReader, type InsightText } from './reader';

export function restingHrText(severity: InsightSeverity, data: unknown, reader: InsightReader): InsightText | null {
  const d = readNumbers(data, ['changePerWeek', 'days']);
  if (!d) return null;
  const rising = d.changePerWeek > 0;
  const change = `${rising ? 'Up' : 'Down'} about ${Math.abs(d.changePerWeek).toFixed(1)} bpm per week`;
  const advice = rising && severity === 'HIGH'
    ? byAudience(reader, {
        patient: ' A rise this quick can come with illness, stress or poor sleep; if it continues, consider talking to your doctor.',
        caregiver: (name) => ` A rise this quick can come with illness, stress or poor sleep; if it continues, ${name} may want to talk to their doctor.`,
        doctor: ' A rise this quick can come with illness, stress, overtraining or poor sleep.',
      })
    : '';
  return {
    title: rising ? 'Resting heart rate is rising' : 'Resting heart rate is falling',
    body: `${change} over the last ${RESTING_HR_WINDOW_DAYS} days (${d.days} days of data).${advice}`,
  };
}
