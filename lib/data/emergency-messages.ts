// Texts of emergency notifications, built for one reader: glucose in the unit that reader chose (each
// notification row has one recipient). Blood pressure is always mmHg.
import type { EmergencyKind } from '../generated/prisma/enums';
import { emergencyReading } from '../format/emergency-reading';
import type { UnitPreferences } from '../format/health';

export type EmergencyMessageReason = 'OPENED' | 'WORSENED' | 'LATE_WORSE' | 'ESCALATED';
type Details = Record<string, number>;

const TITLES: Record<EmergencyKind, string> = {
  GLUCOSE_LOW: 'Very low glucose',
  GLUCOSE_HIGH: 'Very high glucose',
  BLOOD_PRESSURE_CRISIS: 'Blood pressure in the crisis range',
  MISSED_MEDICATION: 'Missed doses of a critical medication',
};
const WORSE: Record<EmergencyKind, string> = { GLUCOSE_LOW: 'lower than', GLUCOSE_HIGH: 'higher than', BLOOD_PRESSURE_CRISIS: 'worse than', MISSED_MEDICATION: 'more than' };
const KIND_SUFFIX: Record<EmergencyMessageReason, string> = { OPENED: '', WORSENED: '.worsened', LATE_WORSE: '.late', ESCALATED: '.escalated' };

function recorded(kind: EmergencyKind, d: Details, units: UnitPreferences): string {
  if (kind !== 'BLOOD_PRESSURE_CRISIS') return `A glucose reading of ${emergencyReading(kind, d, units)}`;
  if (d.systolic !== undefined && d.diastolic !== undefined) return `A reading of ${emergencyReading(kind, d, units)}`;
  return d.systolic !== undefined ? `A systolic reading of ${Math.round(d.systolic)} mmHg` : `A diastolic reading of ${Math.round(d.diastolic ?? 0)} mmHg`;
}

/**
 * `medication` names the medication of a MISSED_MEDICATION emergency (its details hold only numbers: how
 * many doses were missed in a row).
 */
export function emergencyMessage(args: { kind: EmergencyKind; reason: EmergencyMessageReason; reading: Details; previous?: Details | null; units: UnitPreferences; medication?: string | null }) {
  const { kind, reason, reading, units } = args;
  if (kind === 'MISSED_MEDICATION') {
    const title = reason === 'ESCALATED' ? `Escalated: ${TITLES[kind]}` : TITLES[kind];
    const body = `${reading.missed ?? 2} planned doses in a row of ${args.medication ?? 'a medication the doctor marked critical'} were not logged as taken.`;
    return { kind: `emergency.${kind}${KIND_SUFFIX[reason]}`, title, body };
  }
  const previous = args.previous ? emergencyReading(kind, args.previous, units) : null;
  const title = { OPENED: TITLES[kind], WORSENED: `Worse: ${TITLES[kind]}`, LATE_WORSE: `Reported late: ${TITLES[kind]}`, ESCALATED: `Escalated: ${TITLES[kind]}` }[reason];
  const body =
    reason === 'WORSENED' && previous
      ? `${recorded(kind, reading, units)} was recorded, ${WORSE[kind]} the ${previous} earlier in this alert.`
      : reason === 'LATE_WORSE' && previous
        ? `${recorded(kind, reading, units)}, taken before this alert was resolved, arrived after it: ${WORSE[kind]} the ${previous} seen when it was resolved.`
        : `${recorded(kind, reading, units)} was recorded.`;
  return { kind: `emergency.${kind}${KIND_SUFFIX[reason]}`, title, body };
}
