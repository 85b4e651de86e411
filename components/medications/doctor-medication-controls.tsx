'use client';
// The doctor's side of a patient's medications (issue 19), inside the "Medications and adherence" card:
// each current medication with "Change" (its dose and, for a daily one, its times: a new version) and "Stop" (the record stays), and the
// "Prescribe" form (which may mark a medication critical). Every change refreshes the card's overview.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import type { Locale } from '@/lib/i18n/locales';
import { MutationError } from '@/components/patient/mutation-error';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/query/api';
import { medicationsKey, scheduleInWords, type Medication } from './format';
import { inputClass, MedicationForm, parseTimes } from './medication-form';

const timesText = (m: Medication) => (m.schedule.kind === 'daily' ? m.schedule.times.join(', ') : '');

// A new version with the dose and, for a daily medication, its times (only what changed is sent).
function ChangeDose({ base, medication, onDone }: { base: string; medication: Medication; onDone: () => void }) {
  const t = useTranslations('medications.doctor');
  const [dose, setDose] = useState(medication.dose);
  const [times, setTimes] = useState(timesText(medication));
  const daily = medication.schedule.kind === 'daily';
  const change = useMutation({
    mutationFn: () => {
      const json = {
        ...(dose !== medication.dose ? { dose } : {}),
        ...(daily && times !== timesText(medication) ? { schedule: { kind: 'daily', times: parseTimes(times) } } : {}),
      };
      return Object.keys(json).length === 0 ? Promise.resolve(null) : apiFetch(`${base}/${medication.id}`, { method: 'PATCH', json });
    },
    onSuccess: onDone,
  });
  return (
    <form
      className="mt-2 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate();
      }}
    >
      <label className="min-w-40 flex-1 text-sm text-slate-700">
        {t('newDose', { name: medication.name })}
        <input className={inputClass} maxLength={100} value={dose} onChange={(e) => setDose(e.target.value)} />
      </label>
      {daily && (
        <label className="min-w-40 flex-1 text-sm text-slate-700">
          {t('times', { name: medication.name })}
          <input className={inputClass} value={times} onChange={(e) => setTimes(e.target.value)} />
        </label>
      )}
      <Button type="submit" disabled={change.isPending}>{change.isPending ? t('saving') : t('saveChange')}</Button>
      {change.isError && <div className="w-full"><MutationError error={change.error} /></div>}
    </form>
  );
}

function Row({ base, medication, refresh }: { base: string; medication: Medication; refresh: () => void }) {
  const t = useTranslations('medications');
  const locale = useLocale() as Locale;
  const [changing, setChanging] = useState(false);
  const stop = useMutation({ mutationFn: () => apiFetch(`${base}/${medication.id}`, { method: 'PATCH', json: { stopped: true } }), onSuccess: refresh });
  return (
    <li className="py-2 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p>
          <span className="font-medium text-slate-900">{medication.name}</span> <span className="text-slate-700">{t('doctor.line', { dose: medication.dose, schedule: scheduleInWords(medication.schedule, locale) })}</span>
          {medication.critical && <span className="ml-2 rounded bg-rose-50 px-1.5 py-0.5 text-xs font-semibold text-rose-800 ring-1 ring-inset ring-rose-200">{t('critical')}</span>}
        </p>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => setChanging(!changing)} aria-expanded={changing} aria-label={t('doctor.changeLabel', { name: medication.name })}>{t('doctor.change')}</Button>
          <Button
            variant="danger"
            disabled={stop.isPending}
            aria-label={t('stopLabel', { name: medication.name })}
            onClick={() => {
              if (window.confirm(t('stopConfirm', { name: medication.name }))) stop.mutate();
            }}
          >
            {t('stop')}
          </Button>
        </div>
      </div>
      {changing && <ChangeDose base={base} medication={medication} onDone={() => { setChanging(false); refresh(); }} />}
      {stop.isError && <div className="mt-2"><MutationError error={stop.error} /></div>}
    </li>
  );
}

export function DoctorMedicationControls({ patientId }: { patientId: string }) {
  const t = useTranslations('medications.doctor');
  const base = `/api/v1/patients/${patientId}/medications`;
  const qc = useQueryClient();
  const list = useQuery({ queryKey: medicationsKey(base), queryFn: () => apiFetch<{ medications: Medication[] }>(base) });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: medicationsKey(base) });
    void qc.invalidateQueries({ queryKey: ['patients', patientId, 'overview'] });
  };
  const current = (list.data?.medications ?? []).filter((m) => m.status === 'active' || m.status === 'upcoming');
  return (
    <div className="mt-3 space-y-3 border-t border-slate-100 pt-3">
      {current.length > 0 && (
        <div>
          <h3 className="text-sm font-medium text-slate-900">{t('changeOrStop')}</h3>
          <ul className="divide-y divide-slate-100">
            {current.map((m) => <Row key={m.id} base={base} medication={m} refresh={refresh} />)}
          </ul>
        </div>
      )}
      {list.isError && <MutationError error={list.error} />}
      <details className="rounded-lg border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-900">{t('prescribe')}</summary>
        <p className="mt-2 text-xs text-slate-600">{t('patientTimes')}</p>
        <div className="mt-3">
          <MedicationForm endpoint={base} invalidate={[medicationsKey(base), ['patients', patientId, 'overview']]} asDoctor submitLabel={t('prescribe')} />
        </div>
      </details>
    </div>
  );
}
