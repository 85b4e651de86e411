// Words and query keys for the medication pages (issue 19): a schedule in words ("08:00 and 20:00 every
// day", "every 8 hours from 06:00", "Mon, Thu at 09:00", "as needed"), a dose's time in the patient's zone,
// and the keys the patient's, the caregiver's and the doctor's views share.
import type { MedicationAnswer } from '@/lib/data/medications';
import type { DoseLogAnswer, PlannedDose } from '@/lib/data/medication-doses';
import type { Adherence } from '@/lib/pipeline/medication-adherence-stats';
import { localDigits } from '@/lib/format/health';
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { localDateTime } from '@/lib/time';

export type Medication = MedicationAnswer;
export type DosesAnswer = { from: string; to: string; planned: PlannedDose[]; extra: DoseLogAnswer[] };
export type AdherenceAnswer = Adherence & { medications: (Adherence & { id: string; name: string })[] };

/** The list's language for Intl: English as written in Britain ("a, b and c", no serial comma), the others their own. */
const listLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : intlLocale(locale));

/** "08:00", "08:00 and 20:00", "08:00, 14:00 and 20:00" (in the reader's language and digits). */
export function listInWords(items: readonly string[], locale: Locale = 'en'): string {
  return new Intl.ListFormat(listLocale(locale), { type: 'conjunction' }).format(items.map((i) => localDigits(i, locale)));
}

// 2024-01-01 was a Monday: a weekday code's short name as Intl writes it in the reader's language.
const WEEKDAY_INDEX: Record<string, number> = { MON: 0, TUE: 1, WED: 2, THU: 3, FRI: 4, SAT: 5, SUN: 6 };
export function weekdayName(code: string, locale: Locale = 'en'): string {
  const i = WEEKDAY_INDEX[code];
  if (i === undefined) return code;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : intlLocale(locale), { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + i));
}

/** A schedule as people say it, in the reader's language. */
export function scheduleInWords(schedule: Medication['schedule'], locale: Locale = 'en'): string {
  const t = translator(locale, 'medications');
  switch (schedule.kind) {
    case 'daily':
      return schedule.times.length === 0 ? t('schedule.dailyNoTimes') : t('schedule.daily', { times: listInWords(schedule.times, locale) });
    case 'interval':
      return t('schedule.interval', { hours: schedule.everyHours, from: localDigits(schedule.from, locale) });
    case 'weekdays':
      return t('schedule.weekdays', { days: schedule.days.map((d) => weekdayName(d, locale)).join(', '), times: listInWords(schedule.times, locale) });
    case 'asNeeded':
      return t('schedule.asNeeded');
  }
}

/** "HH:MM" of an instant in the patient's zone. */
export const timeIn = (iso: string, timeZone: string) => localDateTime(Date.parse(iso), timeZone).slice(11, 16);
/** "YYYY-MM-DD" of an instant in the patient's zone. */
export const dayIn = (iso: string, timeZone: string) => localDateTime(Date.parse(iso), timeZone).slice(0, 10);

/** A dose status's message key in the `medications.status` messages. */
export type DoseStatus = PlannedDose['status'];
export const DOSE_STATUSES: readonly DoseStatus[] = ['taken', 'late', 'skipped', 'missed', 'due', 'upcoming'];

export const medicationsKey = (base: string) => ['medications', base] as const;
export const dosesKey = (base: string, id: string, from: string, to: string) => ['medications', base, id, 'doses', from, to] as const;
export const adherenceKey = (base: string) => ['medications', base, 'adherence'] as const;
