'use client';

// Corrections on the timeline (issue 19): a hand-made entry gets Edit (an inline form with its fields,
// PATCH /api/v1/users/me/entries/{id}) and Delete (confirmed inline, DELETE …); a corrected one says so and
// shows its history on demand (a disclosure that loads …/history). Every control is a real button or
// form field, so all of it works from the keyboard; after a change every query refetches (the timeline,
// the dashboard's figures and charts).
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import { InputField, SelectField, TextAreaField } from '@/components/entry/fields';
import { Button } from '@/components/ui/button';
import type { Revision } from '@/lib/data/corrections';
import type { TimelineItem } from '@/lib/data/timeline';
import { displayUnit, formatValue, localDigits, toDisplayRounded, type UnitPreferences } from '@/lib/format/health';
import type { Locale } from '@/lib/i18n/locales';
import { ApiRequestError, apiFetch } from '@/lib/query/api';

type Field = { name: string; label: string; type: 'number' | 'text' | 'textarea' | 'select'; value: string; step?: string; unit?: string; options?: [string, string][] };
const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
type TimelineT = ReturnType<typeof useTranslations<'timeline'>>;

// The editable fields of each kind, prefilled in the patient's units.
function fieldsOf(item: TimelineItem, units: UnitPreferences, t: TimelineT): Field[] {
  switch (item.kind) {
    case 'glucose': {
      const { unit, label } = displayUnit('BLOOD_GLUCOSE', units);
      return [{ name: 'value', label: t('fields.glucose', { unit: label }), type: 'number', step: 'any', unit, value: num(toDisplayRounded('BLOOD_GLUCOSE', item.value, units)) }];
    }
    case 'weight': {
      const { unit, label } = displayUnit('WEIGHT', units);
      return [{ name: 'value', label: t('fields.weight', { unit: label }), type: 'number', step: 'any', unit, value: num(toDisplayRounded('WEIGHT', item.value, units)) }];
    }
    case 'blood_pressure':
      return [
        { name: 'systolic', label: t('fields.systolic'), type: 'number', value: num(Math.round(item.systolic)) },
        { name: 'diastolic', label: t('fields.diastolic'), type: 'number', value: num(item.diastolic === null ? null : Math.round(item.diastolic)) },
      ];
    case 'insulin':
      return [{ name: 'value', label: t('fields.insulin'), type: 'number', step: 'any', value: num(item.value) }];
    case 'carbs':
      return [{ name: 'value', label: t('fields.carbs'), type: 'number', step: 'any', value: num(item.value) }];
    case 'mood':
      return [
        { name: 'score', label: t('fields.mood'), type: 'number', value: num(item.score) },
        { name: 'note', label: t('fields.note'), type: 'textarea', value: item.note ?? '' },
      ];
    case 'symptom':
      return [
        { name: 'name', label: t('fields.symptom'), type: 'text', value: item.name },
        { name: 'severity', label: t('fields.severity'), type: 'number', value: num(item.severity) },
        { name: 'note', label: t('fields.note'), type: 'textarea', value: item.note ?? '' },
      ];
    case 'medication':
      return [
        { name: 'name', label: t('fields.medication'), type: 'text', value: item.name },
        { name: 'dose', label: t('fields.dose'), type: 'text', value: item.dose ?? '' },
      ];
    case 'note':
      return [{ name: 'text', label: t('fields.note'), type: 'textarea', value: item.text }];
    case 'dose':
      return [
        {
          name: 'status', label: t('fields.dose'), type: 'select', value: item.status === 'skipped' ? 'skipped' : 'taken',
          options: item.scheduledFor ? [['taken', t('doseStatus.taken')], ['skipped', t('doseStatus.skipped')]] : [['taken', t('doseStatus.taken')]],
        },
        { name: 'reason', label: t('fields.reasonOptional'), type: 'text', value: item.reason ?? '' },
      ];
    default:
      return [];
  }
}

// The browser's wall clock for a datetime-local control (as the entry forms read it back).
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The changed fields only; numbers as numbers, a value with its unit; 'at' when the time moved. */
function bodyOf(fields: Field[], form: FormData, atInitial: string, t: TimelineT): { body: Record<string, unknown>; errors: Record<string, string> } {
  const body: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const raw = String(form.get(f.name) ?? '').trim();
    if (raw === f.value) continue;
    if (f.type === 'number') {
      const n = Number(raw.replace(',', '.'));
      if (raw === '' || !Number.isFinite(n)) errors[f.name] = t('errors.enterNumber');
      else body[f.name] = n;
    } else body[f.name] = raw;
    if (f.unit) body.unit = f.unit;
  }
  const at = String(form.get('at') ?? '');
  if (at !== atInitial) {
    const ms = new Date(at).getTime();
    if (Number.isNaN(ms)) errors.at = t('errors.enterDateTime');
    else body.at = new Date(ms).toISOString();
  }
  return { body, errors };
}

function describe(entry: Record<string, unknown>, units: UnitPreferences, t: TimelineT, locale: Locale): string {
  const n = (k: string) => (typeof entry[k] === 'number' ? (entry[k] as number) : null);
  const s = (k: string) => (typeof entry[k] === 'string' ? (entry[k] as string) : null);
  switch (entry.kind) {
    case 'glucose':
      return formatValue('BLOOD_GLUCOSE', n('value') ?? 0, units, locale);
    case 'weight':
      return formatValue('WEIGHT', n('value') ?? 0, units, locale);
    case 'blood_pressure':
      return localDigits(`${Math.round(n('systolic') ?? 0)}/${Math.round(n('diastolic') ?? 0)} mmHg`, locale);
    case 'insulin':
      return localDigits(`${n('value')} U`, locale);
    case 'carbs':
      return localDigits(`${n('value')} g`, locale);
    case 'mood':
      return withNote(t('history.mood', { score: localDigits(String(n('score') ?? 0), locale) }), s('note'));
    case 'symptom':
      return withNote(t('history.symptom', { name: s('name') ?? '', severity: localDigits(String(n('severity') ?? 0), locale) }), s('note'));
    case 'medication':
      return `${s('name')}${s('dose') ? `, ${s('dose')}` : ''}`;
    case 'note':
      return s('text') ?? '';
    case 'dose':
      return withNote(t('history.dose', { medication: s('medication') ?? '', status: s('status') === 'skipped' ? 'skipped' : s('status') === 'late' ? 'late' : 'taken' }), s('reason'));
    default:
      return '';
  }
}

const withNote = (text: string, note: string | null) => (note ? `${text} · ${note}` : text);
// A revision's time, in the patient's zone (the provider's).
const WHEN = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

function History({ entryId, units, id }: { entryId: string; units: UnitPreferences; id: string }) {
  const t = useTranslations('timeline');
  const locale = useLocale();
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), WHEN);
  const query = useQuery({
    queryKey: ['entry-history', entryId],
    queryFn: () => apiFetch<{ revisions: Revision[] }>(`/api/v1/users/me/entries/${entryId}/history`),
  });
  if (query.isPending) return <p id={id} className="mt-1 text-sm text-slate-600">{t('history.loading')}</p>;
  if (query.isError) return <p id={id} role="alert" className="mt-1 text-sm text-red-700">{t('history.failed', { message: query.error.message })}</p>;
  return (
    <ol id={id} className="mt-1 space-y-0.5 border-l-2 border-slate-200 pl-3 text-sm text-slate-700">
      {query.data.revisions.map((r) => (
        <li key={r.revision}>
          {(() => {
            const line = r.by ? t('history.lineBy', { action: r.action, when: when(r.at), name: r.by.name }) : t('history.line', { action: r.action, when: when(r.at) });
            return r.entry ? t('history.withEntry', { line, what: describe(r.entry, units, t, locale), when: when(r.entry.at as string) }) : line;
          })()}
        </li>
      ))}
    </ol>
  );
}

export function EntryActions({ item, label, units }: { item: TimelineItem; label: string; units: UnitPreferences }) {
  const entry = item.entry!;
  const t = useTranslations('timeline');
  const tu = useTranslations('ui');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'idle' | 'edit' | 'confirm-delete'>('idle');
  const [historyOpen, setHistoryOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const historyId = useId();
  const fields = fieldsOf(item, units, t);
  const atInitial = localInput(item.at);
  const what = label.toLocaleLowerCase(locale);

  const done = async () => {
    setMode('idle');
    setErrors({});
    await queryClient.invalidateQueries();
  };
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch(`/api/v1/users/me/entries/${entry.id}`, { method: 'PATCH', json: body }),
    onSuccess: done,
    onError: (error) => {
      const details = error instanceof ApiRequestError && Array.isArray(error.details) ? (error.details as { field: string; reason: string }[]) : [];
      setErrors(details.length > 0 ? Object.fromEntries(details.map((d) => [d.field === 'unit' ? 'value' : d.field, t('errors.fieldReason', { reason: d.reason })])) : { form: error.message });
    },
  });
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/v1/users/me/entries/${entry.id}`, { method: 'DELETE' }),
    onSuccess: done,
    onError: (error) => setErrors({ form: error.message }),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { body, errors: found } = bodyOf(fields, new FormData(event.currentTarget), atInitial, t);
    if (Object.keys(found).length > 0) return setErrors(found);
    if (Object.keys(body).length === 0) return void done();
    save.mutate(body);
  };

  return (
    <div className="mt-1 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        {entry.corrected && (
          <>
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{t('corrected')}</span>
            <button type="button" aria-expanded={historyOpen} aria-controls={historyOpen ? historyId : undefined} onClick={() => setHistoryOpen(!historyOpen)} className="rounded text-teal-800 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
              {historyOpen ? t('history.hide') : t('history.show')}
            </button>
          </>
        )}
        {mode === 'idle' && (
          <>
            <button type="button" aria-label={t('actions.editLabel', { what })} onClick={() => setMode('edit')} className="rounded text-teal-800 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
              {t('actions.edit')}
            </button>
            <button type="button" aria-label={t('actions.deleteLabel', { what })} onClick={() => setMode('confirm-delete')} className="rounded text-red-800 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600">
              {t('actions.delete')}
            </button>
          </>
        )}
      </div>
      {historyOpen && <History entryId={entry.id} units={units} id={historyId} />}
      {mode === 'confirm-delete' && (
        <div role="group" aria-label={t('actions.deleteGroup', { what })} className="mt-2 flex flex-wrap items-center gap-2">
          <span className="text-slate-800">{t('actions.confirmDelete')}</span>
          <Button variant="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
            {remove.isPending ? t('actions.deleting') : t('actions.delete')}
          </Button>
          <Button variant="secondary" onClick={() => setMode('idle')}>
            {tu('cancel')}
          </Button>
        </div>
      )}
      {mode === 'edit' && (
        <form onSubmit={submit} aria-label={t('actions.correctLabel', { what })} className="mt-2 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" noValidate>
          {fields.map((f) =>
            f.type === 'select' ? (
              <SelectField key={f.name} name={f.name} label={f.label} defaultValue={f.value} error={errors[f.name]}>
                {f.options!.map(([value, text]) => (
                  <option key={value} value={value}>
                    {text}
                  </option>
                ))}
              </SelectField>
            ) : f.type === 'textarea' ? (
              <TextAreaField key={f.name} name={f.name} label={f.label} defaultValue={f.value} error={errors[f.name]} rows={2} />
            ) : (
              <InputField key={f.name} name={f.name} label={f.label} type="text" inputMode={f.type === 'number' ? 'decimal' : undefined} defaultValue={f.value} error={errors[f.name]} />
            ),
          )}
          <InputField name="at" type="datetime-local" label={t('fields.when')} defaultValue={atInitial} error={errors.at} />
          {errors.form && (
            <p role="alert" className="text-sm text-red-700">
              {errors.form}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? t('actions.saving') : t('actions.saveCorrection')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => { setMode('idle'); setErrors({}); }}>
              {tu('cancel')}
            </Button>
          </div>
        </form>
      )}
      {remove.isError && mode !== 'confirm-delete' && errors.form && (
        <p role="alert" className="mt-1 text-red-700">
          {errors.form}
        </p>
      )}
    </div>
  );
}
