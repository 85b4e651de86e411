'use client';

// The patient's alert thresholds and escalation timings (shared by all their carers) and how this doctor
// receives their emergencies: when unacknowledged, in a daily digest, or not at all. Saved with PUT /api/v1/patients/:id/alert-settings.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorMessage, Loading } from '@/components/ui/states';
import { apiFetch, ApiRequestError } from '@/lib/query/api';
import { alertSettingsOptions, type AlertSettings } from './queries';

type Field = keyof AlertSettings['thresholds'];
const FIELDS: { field: Field; label: string; unit: string; hint: string }[] = [
  { field: 'glucoseLowMgDl', label: 'Low glucose below', unit: 'mg/dL', hint: '40–100, default 54' },
  { field: 'glucoseHighMgDl', label: 'High glucose above', unit: 'mg/dL', hint: '200–600, default 300' },
  { field: 'systolicHigh', label: 'Systolic at or above', unit: 'mmHg', hint: '140–250, default 180' },
  { field: 'diastolicHigh', label: 'Diastolic at or above', unit: 'mmHg', hint: '90–150, default 120' },
];

type EscalationField = keyof AlertSettings['escalation'];
const ESCALATION_FIELDS: { field: EscalationField; label: string }[] = [
  { field: 'escalateAfterMinutes', label: 'Tell carers again and immediate doctors' },
  { field: 'escalateAgainAfterMinutes', label: 'Then everyone, digest doctors too' },
  { field: 'recheckAfterMinutes', label: 'After a low, ask for a re-check' },
];

function SettingsFields({ patientId, initial }: { patientId: string; initial: AlertSettings }) {
  const qc = useQueryClient();
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
  if (save.error instanceof ApiRequestError && Array.isArray(save.error.details)) {
    for (const d of save.error.details as { field?: string; reason?: string }[]) if (d.field) problems.set(d.field.replace(/^(thresholds|escalation)\./, ''), d.reason ?? 'is not valid');
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const thresholds = Object.fromEntries(FIELDS.map(({ field }) => [field, Number(values[field])])) as AlertSettings['thresholds'];
    save.mutate({ thresholds, delivery, escalation });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">Thresholds for this patient</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {FIELDS.map(({ field, label, unit, hint }) => (
            <div key={field}>
              <label htmlFor={`threshold-${field}`} className="block text-sm font-medium text-slate-800">{label} ({unit})</label>
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
              <p id={`threshold-${field}-hint`} className="mt-0.5 text-xs text-slate-600">{hint}</p>
              {problems.has(field) && <p id={`threshold-${field}-error`} className="text-xs font-medium text-red-800">{problems.get(field)}</p>}
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">When an alert is not acknowledged (minutes after it opens)</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          {ESCALATION_FIELDS.map(({ field, label }) => (
            <div key={field}>
              <label htmlFor={`escalation-${field}`} className="block text-sm font-medium text-slate-800">{label}</label>
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
        <legend className="text-sm font-semibold text-slate-900">How you receive this patient’s emergencies</legend>
        <div className="mt-2 space-y-1 text-sm text-slate-800">
          <label className="flex items-center gap-2">
            <input type="radio" name="delivery" value="IMMEDIATE" checked={delivery === 'IMMEDIATE'} onChange={() => setDelivery('IMMEDIATE')} className="h-4 w-4 accent-teal-700" />
            Immediately (when an alert is not acknowledged within the patient’s first escalation interval)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="delivery" value="DAILY_DIGEST" checked={delivery === 'DAILY_DIGEST'} onChange={() => setDelivery('DAILY_DIGEST')} className="h-4 w-4 accent-teal-700" />
            In a daily digest at 08:00 (and at once when an alert stays unacknowledged to its second escalation)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="delivery" value="NONE" checked={delivery === 'NONE'} onChange={() => setDelivery('NONE')} className="h-4 w-4 accent-teal-700" />
            Not at all (the patient’s caregivers and other doctors are still told)
          </label>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save alert settings'}</Button>
        <p role="status" aria-live="polite" className="text-sm text-slate-700">{save.isSuccess ? 'Alert settings saved.' : ''}</p>
      </div>
      {save.isError && problems.size === 0 && <ErrorMessage error={save.error} />}
      {problems.size > 0 && <p role="alert" className="text-sm font-medium text-red-800">Some thresholds are not plausible; see the fields above.</p>}
    </form>
  );
}

export function AlertSettingsForm({ patientId }: { patientId: string }) {
  const { data, error, isPending, refetch } = useQuery(alertSettingsOptions(patientId));
  return (
    <Card title="Alerts">
      {isPending ? <Loading label="Loading alert settings…" /> : error ? <ErrorMessage error={error} retry={() => void refetch()} /> : <SettingsFields patientId={patientId} initial={data} />}
    </Card>
  );
}
