'use client';

// The patient's alert thresholds and escalation timings (shared by all their carers) and how this doctor
// receives their emergencies: when unacknowledged, in a daily digest, or not at all. Saved with PUT /api/v1/patients/:id/alert-settings.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorMessage, Loading } from '@/components/ui/states';
import { apiFetch, ApiRequestError } from '@/lib/query/api';
import { alertSettingsOptions, type AlertSettings } from './queries';

type Field = keyof AlertSettings['thresholds'];
// The plausible bounds the API enforces (lib/pipeline/insights/alert-thresholds.ts), checked here first so
// a problem reads in the doctor's language; labels and hints: doctor.alerts.fields.<field>.
const FIELDS: { field: Field; unit: string; min: number; max: number; fallback: number }[] = [
  { field: 'glucoseLowMgDl', unit: 'mg/dL', min: 40, max: 100, fallback: 54 },
  { field: 'glucoseHighMgDl', unit: 'mg/dL', min: 200, max: 600, fallback: 300 },
  { field: 'systolicHigh', unit: 'mmHg', min: 140, max: 250, fallback: 180 },
  { field: 'diastolicHigh', unit: 'mmHg', min: 90, max: 150, fallback: 120 },
];

type EscalationField = keyof AlertSettings['escalation'];
// The API's bounds (lib/data/notification-preferences.ts escalationSchema), in minutes.
const ESCALATION_FIELDS: { field: EscalationField; min: number; max: number }[] = [
  { field: 'escalateAfterMinutes', min: 1, max: 240 },
  { field: 'escalateAgainAfterMinutes', min: 2, max: 480 },
  { field: 'recheckAfterMinutes', min: 1, max: 120 },
];

/** A problem with one field, as a message key and its values (translated by the form). */
export type SettingsProblem =
  | { field: Field; key: 'notNumber' }
  | { field: Field; key: 'between'; min: number; max: number; unit: string }
  | { field: 'glucoseLowMgDl'; key: 'lowBelowHigh' }
  | { field: 'diastolicHigh'; key: 'diastolicBelowSystolic' }
  | { field: EscalationField; key: 'minutesBetween'; min: number; max: number }
  | { field: 'escalateAgainAfterMinutes'; key: 'laterThanFirst' };

/** The same checks as the API's, first problem per field, so the form can answer without a round trip. */
export function settingsProblems(thresholds: AlertSettings['thresholds'], escalation: AlertSettings['escalation']): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  for (const { field, unit, min, max } of FIELDS) {
    const value = thresholds[field];
    if (!Number.isFinite(value)) problems.push({ field, key: 'notNumber' });
    else if (value < min || value > max) problems.push({ field, key: 'between', min, max, unit });
  }
  if (thresholds.glucoseLowMgDl >= thresholds.glucoseHighMgDl) problems.push({ field: 'glucoseLowMgDl', key: 'lowBelowHigh' });
  if (thresholds.diastolicHigh >= thresholds.systolicHigh) problems.push({ field: 'diastolicHigh', key: 'diastolicBelowSystolic' });
  for (const { field, min, max } of ESCALATION_FIELDS) {
    const value = escalation[field];
    if (!Number.isInteger(value) || value < min || value > max) problems.push({ field, key: 'minutesBetween', min, max });
  }
  if (escalation.escalateAgainAfterMinutes <= escalation.escalateAfterMinutes) problems.push({ field: 'escalateAgainAfterMinutes', key: 'laterThanFirst' });
  return problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);
}

function SettingsFields({ patientId, initial }: { patientId: string; initial: AlertSettings }) {
  const qc = useQueryClient();
  const t = useTranslations('doctor.alerts');
  const [checked, setChecked] = useState<SettingsProblem[]>([]);
  const [values, setValues] = useState<Record<Field, string>>(() => {
    const t = initial.thresholds;
    return { glucoseLowMgDl: String(t.glucoseLowMgDl), glucoseHighMgDl: String(t.glucoseHighMgDl), systolicHigh: String(t.systolicHigh), diastolicHigh: String(t.diastolicHigh) };
  });
  const [delivery, setDelivery] = useState(initial.delivery);
  const [escalation, setEscalation] = useState(initial.escalation);
  const save = useMutation({
    mutationFn: (body: AlertSettings) => apiFetch<AlertSettings>(`/api/v1/patients/${patientId}/alert-settings`, { method: 'PUT', json: body }),
    onSuccess: (saved) => qc.setQueryData(alertSettingsOptions(patientId).queryKey, saved),
  });
  const problems = new Map<string, string>();
  for (const p of checked) {
    problems.set(p.field, p.key === 'between' ? t('problems.between', { what: t(`fields.${p.field}.name`), min: p.min, max: p.max, unit: p.unit })
      : p.key === 'notNumber' ? t('problems.notNumber', { what: t(`fields.${p.field}.name`) })
      : p.key === 'minutesBetween' ? t('problems.minutesBetween', { min: p.min, max: p.max })
      : t(`problems.${p.key}`));
  }
  // Anything the API still refuses (its rules changed, say): its field marked, in the doctor's language.
  if (save.error instanceof ApiRequestError && Array.isArray(save.error.details)) {
    for (const d of save.error.details as { field?: string }[]) {
      const field = d.field?.replace(/^(thresholds|escalation)\./, '');
      if (field && !problems.has(field)) problems.set(field, t('problems.invalid'));
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // An empty field is not a number (Number('') would be 0).
    const thresholds = Object.fromEntries(FIELDS.map(({ field }) => [field, values[field].trim() === '' ? Number.NaN : Number(values[field])])) as AlertSettings['thresholds'];
    const found = settingsProblems(thresholds, escalation);
    setChecked(found);
    if (found.length > 0) {
      save.reset();
      return;
    }
    save.mutate({ thresholds, delivery, escalation });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">{t('thresholds')}</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {FIELDS.map(({ field, unit, min, max, fallback }) => (
            <div key={field}>
              <label htmlFor={`threshold-${field}`} className="block text-sm font-medium text-slate-800">{t('withUnit', { label: t(`fields.${field}.label`), unit })}</label>
              <input
                id={`threshold-${field}`}
                type="number"
                inputMode="decimal"
                step="any"
                required
                value={values[field]}
                onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
                aria-describedby={`threshold-${field}-hint${problems.has(field) ? ` threshold-${field}-error` : ''}`}
                aria-invalid={problems.has(field) || undefined}
                className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 aria-invalid:border-red-600"
              />
              <p id={`threshold-${field}-hint`} className="mt-0.5 text-xs text-slate-600">{t('hint', { min, max, fallback })}</p>
              {problems.has(field) && <p id={`threshold-${field}-error`} className="text-xs font-medium text-red-800">{problems.get(field)}</p>}
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">{t('escalation')}</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          {ESCALATION_FIELDS.map(({ field }) => (
            <div key={field}>
              <label htmlFor={`escalation-${field}`} className="block text-sm font-medium text-slate-800">{t(`escalationFields.${field}`)}</label>
              <input
                id={`escalation-${field}`}
                type="number"
                min={1}
                required
                value={escalation[field]}
                onChange={(e) => setEscalation((v) => ({ ...v, [field]: Number(e.target.value) }))}
                aria-invalid={problems.has(field) || undefined}
                aria-describedby={problems.has(field) ? `escalation-${field}-error` : undefined}
                className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 aria-invalid:border-red-600"
              />
              {problems.has(field) && <p id={`escalation-${field}-error`} className="text-xs font-medium text-red-800">{problems.get(field)}</p>}
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">{t('delivery')}</legend>
        <div className="mt-2 space-y-1 text-sm text-slate-800">
          <label className="flex items-center gap-2">
            <input type="radio" name="delivery" value="IMMEDIATE" checked={delivery === 'IMMEDIATE'} onChange={() => setDelivery('IMMEDIATE')} className="h-4 w-4 accent-teal-700" />
            {t('deliveryImmediate')}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="delivery" value="DAILY_DIGEST" checked={delivery === 'DAILY_DIGEST'} onChange={() => setDelivery('DAILY_DIGEST')} className="h-4 w-4 accent-teal-700" />
            {t('deliveryDigest')}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="delivery" value="NONE" checked={delivery === 'NONE'} onChange={() => setDelivery('NONE')} className="h-4 w-4 accent-teal-700" />
            {t('deliveryNone')}
          </label>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>{save.isPending ? t('saving') : t('save')}</Button>
        <p role="status" aria-live="polite" className="text-sm text-slate-700">{save.isSuccess ? t('saved') : ''}</p>
      </div>
      {save.isError && problems.size === 0 && <ErrorMessage error={save.error} />}
      {problems.size > 0 && <p role="alert" className="text-sm font-medium text-red-800">{t('notPlausible')}</p>}
    </form>
  );
}

export function AlertSettingsForm({ patientId }: { patientId: string }) {
  const { data, error, isPending, refetch } = useQuery(alertSettingsOptions(patientId));
  const t = useTranslations('doctor.alerts');
  return (
    <Card title={t('title')}>
      {isPending ? <Loading label={t('loading')} /> : error ? <ErrorMessage error={error} retry={() => void refetch()} /> : <SettingsFields patientId={patientId} initial={data} />}
    </Card>
  );
}
