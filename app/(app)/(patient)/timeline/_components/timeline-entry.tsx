// One timeline item: when, what, the value in the patient's units, and where it came from; a hand-made
// entry also gets its corrections (Edit, Delete, "Corrected" with its history: entry-actions.tsx). Rendered
// inside the feed (a client component), in the reader's language.
import { useLocale, useTimeZone, useTranslations } from 'use-intl';
import { describeCarbs, describeInsulin } from '@/lib/format/doses';
import { isMealContext, MOOD_KEYS, SEVERITY_KEYS } from '@/components/entry/entry-options';
import { formatValue, localDigits, type UnitPreferences } from '@/lib/format/health';
import type { Locale } from '@/lib/i18n/locales';
import type { Person, ReadingSource, TimelineItem } from '@/lib/data/timeline';
import { describeRange, formatLabValue } from '@/components/labs/format';
import { localDateTime } from '@/lib/time';
import { EntryActions } from './entry-actions';

const BADGE: Record<TimelineItem['kind'], string> = {
  glucose: 'bg-amber-50 text-amber-900 ring-amber-200',
  blood_pressure: 'bg-rose-50 text-rose-900 ring-rose-200',
  weight: 'bg-sky-50 text-sky-900 ring-sky-200',
  insulin: 'bg-cyan-50 text-cyan-900 ring-cyan-200',
  carbs: 'bg-lime-50 text-lime-900 ring-lime-200',
  mood: 'bg-violet-50 text-violet-900 ring-violet-200',
  symptom: 'bg-orange-50 text-orange-900 ring-orange-200',
  medication: 'bg-emerald-50 text-emerald-900 ring-emerald-200',
  note: 'bg-slate-100 text-slate-800 ring-slate-200',
  assessment: 'bg-indigo-50 text-indigo-900 ring-indigo-200',
  lab: 'bg-fuchsia-50 text-fuchsia-900 ring-fuchsia-200',
  dose: 'bg-teal-50 text-teal-900 ring-teal-200',
  questionnaire: 'bg-purple-50 text-purple-900 ring-purple-200',
};

type TimelineT = ReturnType<typeof useTranslations<'timeline'>>;
type EntryT = ReturnType<typeof useTranslations<'entry'>>;

function content(item: TimelineItem, units: UnitPreferences, t: TimelineT, te: EntryT, locale: Locale, timeZone: string): { value: string; details: (string | null)[] } {
  const digits = (n: number) => localDigits(String(n), locale);
  const scale = (keys: readonly string[], label: (key: string) => string, n: number | null) =>
    n === null ? null : keys[n - 1] ? t('scaleLabel', { n: digits(n), label: label(keys[n - 1]!) }) : t('scale', { n: digits(n) });
  const origin = (source: ReadingSource) => {
    if (!source.manual) return t('fromDevice', { device: source.deviceName });
    if (!source.enteredBy) return t('enteredByHand');
    return source.enteredBy.self ? t('enteredByYou') : t('enteredBy', { name: source.enteredBy.name });
  };
  // Events the patient logged need no byline; someone else's do.
  const by = (p: Person | null) => (p && !p.self ? t('loggedBy', { name: p.name }) : null);
  const withDose = (text: string, dose: string | null) => (dose ? `${text}, ${dose}` : text);
  switch (item.kind) {
    case 'glucose':
      return { value: formatValue('BLOOD_GLUCOSE', item.value, units, locale), details: [isMealContext(item.mealContext) ? te(`mealContexts.${item.mealContext}`) : null, origin(item.source)] };
    case 'blood_pressure':
      return { value: localDigits(`${Math.round(item.systolic)}/${item.diastolic === null ? '—' : Math.round(item.diastolic)} mmHg`, locale), details: [origin(item.source)] };
    case 'weight':
      return { value: formatValue('WEIGHT', item.value, units, locale), details: [origin(item.source)] };
    case 'insulin':
      return { value: describeInsulin(item, locale), details: [origin(item.source)] };
    case 'carbs':
      return { value: describeCarbs(item.value, locale), details: [origin(item.source)] };
    case 'mood':
      return { value: scale(MOOD_KEYS, (k) => te(`moods.${k as (typeof MOOD_KEYS)[number]}`), item.score) ?? t('badges.mood'), details: [item.note, by(item.recordedBy)] };
    case 'symptom': {
      const severity = scale(SEVERITY_KEYS, (k) => te(`severities.${k as (typeof SEVERITY_KEYS)[number]}`), item.severity);
      return { value: item.name, details: [severity === null ? null : t('severity', { scale: severity }), item.note, by(item.recordedBy)] };
    }
    case 'medication':
      return { value: withDose(t('medicationTaken', { name: item.name }), item.dose), details: [by(item.recordedBy)] };
    case 'note':
      return { value: item.text, details: [by(item.recordedBy)] };
    case 'assessment':
      return { value: item.summary ?? t('assessmentRecorded'), details: [by(item.recordedBy)] };
    case 'lab':
      return {
        value: `${item.display}: ${formatLabValue(item.value, item.unit)}${item.flag ? ` · ${t(item.flag === 'high' ? 'labHigh' : 'labLow')}` : ''}`,
        details: [describeRange(item.referenceRange, item.unit), item.source === 'fhir' ? t('fromClinicalRecord') : by(item.recordedBy)],
      };
    case 'dose':
      return {
        value: withDose(t('doseValue', { status: t(`doseStatus.${item.status}`), medication: item.medication }), item.dose),
        details: [
          item.scheduledFor ? t('plannedFor', { time: localDigits(localDateTime(Date.parse(item.scheduledFor), timeZone).slice(11, 16), locale) }) : t('extraDose'),
          item.reason,
          item.status === 'missed' ? t('nobodyLogged') : by(item.recordedBy),
        ],
      };
    case 'questionnaire':
      return { value: t('questionnaire', { title: item.title, score: digits(item.score), max: digits(item.maxScore), band: item.bandLabel }), details: [item.corrected ? t('corrected') : null, by(item.recordedBy)] };
  }
}

export function TimelineEntry({ item, time, units }: { item: TimelineItem; time: string; units: UnitPreferences }) {
  const t = useTranslations('timeline');
  const te = useTranslations('entry');
  const locale = useLocale();
  // The patient's zone (the provider's), as the feed's times.
  const timeZone = useTimeZone() ?? 'UTC';
  const label = t(`badges.${item.kind}`);
  const { value, details } = content(item, units, t, te, locale, timeZone);
  const shown = details.filter((d): d is string => Boolean(d));
  return (
    <li className="flex gap-3 px-4 py-3">
      <time dateTime={item.at} className="w-12 shrink-0 pt-0.5 text-sm tabular-nums text-slate-600">
        {time}
      </time>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${BADGE[item.kind]}`}>{label}</span>
          <span className="break-words font-medium whitespace-pre-line text-slate-900">{value}</span>
        </div>
        {shown.length > 0 && <p className="mt-0.5 text-sm break-words whitespace-pre-line text-slate-600">{shown.join(' · ')}</p>}
        {item.entry && <EntryActions item={item} label={label} units={units} />}
      </div>
    </li>
  );
}
