// One timeline item: when, what, the value in the patient's units, and where it came from; a hand-made
// entry also gets its corrections (Edit, Delete, "Corrected" with its history: entry-actions.tsx).
import { describeCarbs, describeInsulin } from '@/lib/format/doses';
import { mealContextLabel, MOOD_LABELS, SEVERITY_LABELS } from '@/components/entry/entry-options';
import { formatValue, type UnitPreferences } from '@/lib/format/health';
import type { Person, ReadingSource, TimelineItem } from '@/lib/data/timeline';
import { describeRange, formatLabValue } from '@/components/labs/format';
import { EntryActions } from './entry-actions';

const BADGE: Record<TimelineItem['kind'], [string, string]> = {
  glucose: ['Glucose', 'bg-amber-50 text-amber-900 ring-amber-200'],
  blood_pressure: ['Blood pressure', 'bg-rose-50 text-rose-900 ring-rose-200'],
  weight: ['Weight', 'bg-sky-50 text-sky-900 ring-sky-200'],
  insulin: ['Insulin', 'bg-cyan-50 text-cyan-900 ring-cyan-200'],
  carbs: ['Carbs', 'bg-lime-50 text-lime-900 ring-lime-200'],
  mood: ['Mood', 'bg-violet-50 text-violet-900 ring-violet-200'],
  symptom: ['Symptom', 'bg-orange-50 text-orange-900 ring-orange-200'],
  medication: ['Medication', 'bg-emerald-50 text-emerald-900 ring-emerald-200'],
  note: ['Note', 'bg-slate-100 text-slate-800 ring-slate-200'],
  assessment: ['Assessment', 'bg-indigo-50 text-indigo-900 ring-indigo-200'],
  lab: ['Lab', 'bg-fuchsia-50 text-fuchsia-900 ring-fuchsia-200'],
  dose: ['Dose', 'bg-teal-50 text-teal-900 ring-teal-200'],
  questionnaire: ['Questionnaire', 'bg-purple-50 text-purple-900 ring-purple-200'],
};

const DOSE_STATUS = { taken: 'Taken', late: 'Taken late', skipped: 'Skipped', missed: 'Missed' } as const;
const PLANNED = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

const scaleLabel = (labels: readonly string[], n: number | null) => (n === null ? null : `${n} of 5${labels[n - 1] ? ` · ${labels[n - 1]}` : ''}`);
const who = (p: Person) => (p.self ? 'you' : p.name);

function origin(source: ReadingSource): string {
  if (source.manual) return source.enteredBy ? `Entered by ${who(source.enteredBy)}` : 'Entered by hand';
  return `From ${source.deviceName}`;
}

function content(item: TimelineItem, units: UnitPreferences): { value: string; details: (string | null)[] } {
  switch (item.kind) {
    case 'glucose':
      return { value: formatValue('BLOOD_GLUCOSE', item.value, units), details: [mealContextLabel(item.mealContext), origin(item.source)] };
    case 'blood_pressure':
      return { value: `${Math.round(item.systolic)}/${item.diastolic === null ? '—' : Math.round(item.diastolic)} mmHg`, details: [origin(item.source)] };
    case 'weight':
      return { value: formatValue('WEIGHT', item.value, units), details: [origin(item.source)] };
    case 'insulin':
      return { value: describeInsulin(item), details: [origin(item.source)] };
    case 'carbs':
      return { value: describeCarbs(item.value), details: [origin(item.source)] };
    case 'mood':
      return { value: scaleLabel(MOOD_LABELS, item.score) ?? 'Mood', details: [item.note, by(item.recordedBy)] };
    case 'symptom':
      return { value: item.name, details: [item.severity === null ? null : `Severity ${scaleLabel(SEVERITY_LABELS, item.severity)}`, item.note, by(item.recordedBy)] };
    case 'medication':
      return { value: `Taken: ${item.name}${item.dose ? `, ${item.dose}` : ''}`, details: [by(item.recordedBy)] };
    case 'note':
      return { value: item.text, details: [by(item.recordedBy)] };
    case 'assessment':
      return { value: item.summary ?? 'Assessment recorded', details: [by(item.recordedBy)] };
    case 'lab':
      return {
        value: `${item.display}: ${formatLabValue(item.value, item.unit)}${item.flag ? ` · ${item.flag === 'high' ? 'High' : 'Low'}` : ''}`,
        details: [describeRange(item.referenceRange, item.unit), item.source === 'fhir' ? 'From a clinical record' : by(item.recordedBy)],
      };
    case 'dose':
      return {
        value: `${DOSE_STATUS[item.status]}: ${item.medication}${item.dose ? `, ${item.dose}` : ''}`,
        details: [
          item.scheduledFor ? `Planned for ${PLANNED.format(new Date(item.scheduledFor))}` : 'Extra dose',
          item.reason,
          item.status === 'missed' ? 'Nobody logged it' : by(item.recordedBy),
        ],
      };
    case 'questionnaire':
      return { value: `${item.title}: ${item.score} of ${item.maxScore} · ${item.bandLabel}`, details: [item.corrected ? 'Corrected' : null, by(item.recordedBy)] };
  }
}

// Events the patient logged need no byline; someone else's do.
const by = (p: Person | null) => (p && !p.self ? `Logged by ${p.name}` : null);

export function TimelineEntry({ item, time, units }: { item: TimelineItem; time: string; units: UnitPreferences }) {
  const [label, badge] = BADGE[item.kind];
  const { value, details } = content(item, units);
  const shown = details.filter((d): d is string => Boolean(d));
  return (
    <li className="flex gap-3 px-4 py-3">
      <time dateTime={item.at} className="w-12 shrink-0 pt-0.5 text-sm tabular-nums text-slate-600">
        {time}
      </time>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${badge}`}>{label}</span>
          <span className="break-words font-medium whitespace-pre-line text-slate-900">{value}</span>
        </div>
        {shown.length > 0 && <p className="mt-0.5 text-sm break-words whitespace-pre-line text-slate-600">{shown.join(' · ')}</p>}
        {item.entry && <EntryActions item={item} label={label} units={units} />}
      </div>
    </li>
  );
}
