// Texts of emergency notifications, built for one reader: glucose in the unit that reader chose, in
// their language (each notification row has one recipient). Blood pressure is always mmHg.
import type { EmergencyKind } from '../generated/prisma/enums';
import { emergencyReading, mmHg } from '../format/emergency-reading';
import type { UnitPreferences } from '../format/health';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';

export type EmergencyMessageReason = 'OPENED' | 'WORSENED' | 'LATE_WORSE' | 'ESCALATED';
type Details = Record<string, number>;
type T = ReturnType<typeof translator<'emergencies'>>;

const KIND_SUFFIX: Record<EmergencyMessageReason, string> = { OPENED: '', WORSENED: '.worsened', LATE_WORSE: '.late', ESCALATED: '.escalated' };
const TITLE_KEY = { WORSENED: 'message.worse', LATE_WORSE: 'message.late', ESCALATED: 'message.escalated' } as const;

function recorded(t: T, kind: EmergencyKind, d: Details, units: UnitPreferences, locale: Locale): string {
  if (kind !== 'BLOOD_PRESSURE_CRISIS') return t('message.glucoseReading', { reading: emergencyReading(kind, d, units, locale) });
  if (d.systolic !== undefined && d.diastolic !== undefined) return t('message.reading', { reading: emergencyReading(kind, d, units, locale) });
  return d.systolic !== undefined ? t('message.systolicReading', { value: mmHg(d.systolic, locale) }) : t('message.diastolicReading', { value: mmHg(d.diastolic ?? 0, locale) });
}

/**
 * `medication` names the medication of a MISSED_MEDICATION emergency (its details hold only numbers: how
 * many doses were missed in a row). `locale`: the reader's language.
 */
export function emergencyMessage(args: { kind: EmergencyKind; reason: EmergencyMessageReason; reading: Details; previous?: Details | null; units: UnitPreferences; medication?: string | null; locale?: Locale }) {
  const { kind, reason, reading, units } = args;
  const locale = args.locale ?? DEFAULT_LOCALE;
  const t = translator(locale, 'emergencies');
  const plain = t(`message.title.${kind}`);
  const title = reason === 'OPENED' || (kind === 'MISSED_MEDICATION' && reason !== 'ESCALATED') ? plain : t(TITLE_KEY[reason], { title: plain });
  if (kind === 'MISSED_MEDICATION') {
    const body = t('message.missedBody', { count: reading.missed ?? 2, medication: args.medication ?? t('message.criticalMedication') });
    return { kind: `emergency.${kind}${KIND_SUFFIX[reason]}`, title, body };
  }
  const previous = args.previous ? emergencyReading(kind, args.previous, units, locale) : null;
  const what = recorded(t, kind, reading, units, locale);
  const body =
    reason === 'WORSENED' && previous
      ? t('message.worsened', { reading: what, kind, previous })
      : reason === 'LATE_WORSE' && previous
        ? t('message.lateWorse', { reading: what, kind, previous })
        : t('message.recorded', { reading: what });
  return { kind: `emergency.${kind}${KIND_SUFFIX[reason]}`, title, body };
}
