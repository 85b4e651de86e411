'use client';
// The form that adds a medication (the patient, their own) or prescribes one (a linked doctor, who may mark
// it critical): name, dose, strength, form, the schedule (times every day, every N hours from a time, some
// weekdays at times, or as needed), start and end dates, instructions. The API's 422 field errors show next
// to their fields; nothing is kept on the server until it accepts the whole medication.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import type { Locale } from '@/lib/i18n/locales';
import { ErrorMessage } from '@/components/ui/states';
import { ApiRequestError, apiFetch } from '@/lib/query/api';
import { weekdayName, type Medication } from './format';

type Kind = 'daily' | 'interval' | 'weekdays' | 'asNeeded';
const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
const KINDS: readonly Kind[] = ['daily', 'interval', 'weekdays', 'asNeeded'];
const INTERVALS = [1, 2, 3, 4, 6, 8, 12, 24];
export const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';

/** The field errors of a 422, by the body field they name (schedule.times.0 → schedule). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiRequestError) || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const d of error.details as { field?: string; reason?: string }[]) {
    const key = (d.field ?? '').split('.')[0] || '(body)';
    const text = `${d.field?.includes('.') ? `${d.field.split('.').slice(1).join('.')}: ` : ''}${d.reason ?? 'is not valid'}`;
    out[key] = out[key] ? `${out[key]}; ${text}` : text;
  }
  return out;
}

function FieldError({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return <span id={id} className="mt-1 block text-xs font-medium text-red-800">{text}</span>;
}

function Field({ label, name, errors, children, className = '' }: { label: string; name: string; errors: Record<string, string>; children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode; className?: string }) {
  const id = useId();
  const err = errors[name];
  return (
    <div className={`text-sm text-slate-700 ${className}`}>
      <label htmlFor={`${id}-input`}>{label}</label>
      {children({ id: `${id}-input`, ...(err ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {}) })}
      <FieldError id={`${id}-error`} text={err} />
    </div>
  );
}

/** "08:00, 20:00" (commas or spaces) as the list of times the API takes; it judges each one. */
export const parseTimes = (text: string) => text.split(/[,\s]+/).filter(Boolean);

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The checks the browser makes before sending (the API makes them again, in English): what is missing or
 * malformed, by field, as message keys of `medications.form.invalid`, so they read in the person's language.
 */
export function clientChecks(input: { name: string; dose: string; kind: Kind; times: string; days: readonly string[] }): Record<string, 'required' | 'times' | 'noTimes' | 'days'> {
  const out: Record<string, 'required' | 'times' | 'noTimes' | 'days'> = {};
  if (!input.name.trim()) out.name = 'required';
  if (!input.dose.trim()) out.dose = 'required';
  if (input.kind === 'daily' || input.kind === 'weekdays') {
    const times = parseTimes(input.times);
    if (times.length === 0) out.schedule = 'noTimes';
    else if (!times.every((x) => HH_MM.test(x))) out.schedule = 'times';
  }
  if (input.kind === 'weekdays' && input.days.length === 0) out.schedule ??= 'days';
  return out;
}

export function MedicationForm({ endpoint, invalidate, asDoctor = false, submitLabel }: { endpoint: string; invalidate: readonly (readonly unknown[])[]; asDoctor?: boolean; submitLabel: string }) {
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [dose, setDose] = useState('');
  const [strength, setStrength] = useState('');
  const [form, setForm] = useState('');
  const [kind, setKind] = useState<Kind>('daily');
  const [times, setTimes] = useState('08:00');
  const [everyHours, setEveryHours] = useState(8);
  const [from, setFrom] = useState('06:00');
  const [days, setDays] = useState<string[]>(['MON']);
  const [startedOn, setStartedOn] = useState('');
  const [endedOn, setEndedOn] = useState('');
  const [instructions, setInstructions] = useState('');
  const [critical, setCritical] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const scheduleId = useId();
  const t = useTranslations('medications.form');
  const locale = useLocale() as Locale;
  const [checks, setChecks] = useState<ReturnType<typeof clientChecks>>({});

  const timeList = () => parseTimes(times);
  const schedule = () =>
    kind === 'daily' ? { kind, times: timeList() } : kind === 'interval' ? { kind, everyHours, from } : kind === 'weekdays' ? { kind, days, times: timeList() } : { kind };
  const save = useMutation({
    mutationFn: () =>
      apiFetch<Medication>(endpoint, {
        json: {
          name, dose, schedule: schedule(),
          ...(strength.trim() ? { strength } : {}), ...(form.trim() ? { form } : {}), ...(startedOn ? { startedOn } : {}), ...(endedOn ? { endedOn } : {}),
          ...(instructions.trim() ? { instructions } : {}), ...(asDoctor && critical ? { critical: true } : {}),
        },
      }),
    onSuccess: (m) => {
      setSaved(t('saved', { name: m.name }));
      setName(''); setDose(''); setStrength(''); setForm(''); setInstructions(''); setCritical(false);
      for (const key of invalidate) void qc.invalidateQueries({ queryKey: key });
    },
    onMutate: () => setSaved(null),
  });
  // The browser's own checks (translated) first; else the API's 422 (its reasons stay English).
  const errors: Record<string, string> = Object.keys(checks).length > 0 ? Object.fromEntries(Object.entries(checks).map(([k, v]) => [k, t(`invalid.${v}`)])) : fieldErrors(save.error);
  const known = new Set(['name', 'dose', 'strength', 'form', 'schedule', 'startedOn', 'endedOn', 'instructions', 'critical']);
  const other = Object.entries(errors).filter(([k]) => !known.has(k));

  return (
    <form
      className="grid gap-3 sm:grid-cols-2"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const found = clientChecks({ name, dose, kind, times, days });
        setChecks(found);
        if (Object.keys(found).length === 0) save.mutate();
      }}
    >
      <Field label={t('name')} name="name" errors={errors}>{(p) => <input {...p} className={inputClass} maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <Field label={t('dose')} name="dose" errors={errors}>{(p) => <input {...p} className={inputClass} maxLength={100} value={dose} onChange={(e) => setDose(e.target.value)} />}</Field>
      <Field label={t('strength')} name="strength" errors={errors}>{(p) => <input {...p} className={inputClass} maxLength={100} value={strength} onChange={(e) => setStrength(e.target.value)} />}</Field>
      <Field label={t('form')} name="form" errors={errors}>{(p) => <input {...p} className={inputClass} maxLength={60} value={form} onChange={(e) => setForm(e.target.value)} />}</Field>
      <fieldset className="rounded-md border border-slate-200 p-3 text-sm text-slate-700 sm:col-span-2" aria-describedby={errors.schedule ? `${scheduleId}-error` : undefined}>
        <legend className="px-1 font-medium text-slate-900">{t('schedule')}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {KINDS.map((k) => (
            <label key={k} className="inline-flex items-center gap-1.5">
              <input type="radio" name={`${scheduleId}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`kinds.${k}`)}
            </label>
          ))}
        </div>
        {kind === 'weekdays' && (
          <fieldset className="mt-2">
            <legend className="text-slate-700">{t('weekdays')}</legend>
            <div className="flex flex-wrap gap-x-3">
              {WEEKDAYS.map((d) => (
                <label key={d} className="inline-flex items-center gap-1">
                  <input type="checkbox" checked={days.includes(d)} onChange={(e) => setDays(e.target.checked ? [...days, d] : days.filter((x) => x !== d))} /> {weekdayName(d, locale)}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {(kind === 'daily' || kind === 'weekdays') && (
          <label className="mt-2 block">
            {t('times')}
            <input className={inputClass} value={times} onChange={(e) => setTimes(e.target.value)} />
          </label>
        )}
        {kind === 'interval' && (
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            <label>
              {t('every')}
              <select className={inputClass} value={everyHours} onChange={(e) => setEveryHours(Number(e.target.value))}>
                {INTERVALS.map((h) => <option key={h} value={h}>{t('hours', { count: h })}</option>)}
              </select>
            </label>
            <label>
              {t('from')}
              <input className={inputClass} type="time" value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
          </div>
        )}
        <FieldError id={`${scheduleId}-error`} text={errors.schedule} />
      </fieldset>
      <Field label={t('startedOn')} name="startedOn" errors={errors}>{(p) => <input {...p} type="date" className={inputClass} value={startedOn} onChange={(e) => setStartedOn(e.target.value)} />}</Field>
      <Field label={t('endedOn')} name="endedOn" errors={errors}>{(p) => <input {...p} type="date" className={inputClass} value={endedOn} onChange={(e) => setEndedOn(e.target.value)} />}</Field>
      <Field label={t('instructions')} name="instructions" errors={errors} className="sm:col-span-2">
        {(p) => <textarea {...p} className={inputClass} rows={2} maxLength={2000} value={instructions} onChange={(e) => setInstructions(e.target.value)} />}
      </Field>
      {asDoctor && (
        <div className="text-sm text-slate-700 sm:col-span-2">
          <label className="inline-flex items-start gap-2">
            <input type="checkbox" className="mt-1" checked={critical} onChange={(e) => setCritical(e.target.checked)} />
            <span>{t('critical')}</span>
          </label>
          <FieldError id={`${scheduleId}-critical-error`} text={errors.critical} />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={save.isPending} className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2 disabled:opacity-60">
          {save.isPending ? t('saving') : submitLabel}
        </button>
        {saved && <p role="status" className="text-sm text-teal-800">{saved}</p>}
      </div>
      {save.isError && (Object.keys(errors).length === 0 || other.length > 0) && (
        <div className="sm:col-span-2">
          <ErrorMessage error={other.length > 0 ? new Error(t('notSavedOther', { details: other.map(([k, v]) => `${k}: ${v}`).join('; ') })) : save.error} />
        </div>
      )}
      {Object.keys(checks).length > 0 && <p role="alert" className="text-sm text-red-800 sm:col-span-2">{t('notSavedFields')}</p>}
      {save.isError && Object.keys(checks).length === 0 && Object.keys(errors).length > 0 && other.length === 0 && <p role="alert" className="text-sm text-red-800 sm:col-span-2">{t('notSavedFields')}</p>}
    </form>
  );
}
