// Words and query keys for the medication pages (issue 19): a schedule in words ("08:00 and 20:00 every
// day", "every 8 hours from 06:00", "Mon, Thu at 09:00", "as needed"), a dose's time in the patient's zone,
// and the keys the patient's, the caregiver's and the doctor's views share.
import type { MedicationAnswer } from '@/lib/data/medications';
import type { DoseLogAnswer, PlannedDose } from '@/lib/data/medication-doses';
import type { Adherence } from '@/lib/pipeline/medication-adherence-stats';
import { localDateTime } from '@/lib/time';

export type Medication = MedicationAnswer;
export type DosesAnswer = { from: string; to: string; planned: PlannedDose[]; extra: DoseLogAnswer[] };
export type AdherenceAnswer = Adherence & { medications: (Adherence & { id: string; name: string })[] };

const DAY_WORDS: Record<string, string> = { MON: 'Mon', TUE: 'Tue', WED: 'Wed', THU: 'Thu', FRI: 'Fri', SAT: 'Sat', SUN: 'Sun' };

/** "08:00", "08:00 and 20:00", "08:00, 14:00 and 20:00" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function scheduleInWords(schedule: Medication['schedule']): string {
  switch (schedule.kind) {
    case 'daily':
      return schedule.times.length === 0 ? 'every day, times not set yet (no dose is planned until they are)' : `${listInWords(schedule.times)} every day`;
    case 'interval':
      return `every ${schedule.everyHours} hours from ${schedule.from}`;
    case 'weekdays':
      return `${schedule.days.map((d) => DAY_WORDS[d] ?? d).join(', ')} at ${listInWords(schedule.times)}`;
    case 'asNeeded':
      return 'as needed';
  }
}

/** "HH:MM" of an instant in the patient's zone. */
export const timeIn = (iso: string, timeZone: string) => localDateTime(Date.parse(iso), timeZone).slice(11, 16);
/** "YYYY-MM-DD" of an instant in the patient's zone. */
export const dayIn = (iso: string, timeZone: string) => localDateTime(Date.parse(iso), timeZone).slice(0, 10);

export const STATUS_WORDS: Record<PlannedDose['status'], string> = {
  taken: 'Taken',
  late: 'Taken late',
  skipped: 'Skipped',
  missed: 'Missed',
  due: 'Due now',
  upcoming: 'Upcoming',
};

export const medicationsKey = (base: string) => ['medications', base] as const;
export const dosesKey = (base: string, id: string, from: string, to: string) => ['medications', base, id, 'doses', from, to] as const;
export const adherenceKey = (base: string) => ['medications', base, 'adherence'] as const;
