'use client';
// The doctor's side of a patient's medications (issue 19), inside the "Medications and adherence" card:
// each current medication with "Change" (its dose and, for a daily one, its times: a new version) and "Stop" (the record stays), and the
// "Prescribe" form (which may mark a medication critical). Every change refreshes the card's overview.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MutationError } from '@/components/patient/mutation-error';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/query/api';
import { medicationsKey, scheduleInWords, type Medication } from './format';
import { inputClass, MedicationForm, parseTimes } from './medication-form';

const timesText = (m: Medication) => (m.schedule.kind === 'daily' ? m.schedule.times.join(', ') : '');

// A new version with the dose and, for a daily medication, its times (only what changed is sent).
function ChangeDose({ base, medication, onDone }: { base: string; medication: Medication; onDone: () => void }) {
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
        New dose of {medication.name}
        <input className={inputClass} maxLength={100} value={dose} onChange={(e) => setDose(e.target.value)} />
      </label>
      {daily && (
        <label className="min-w-40 flex-1 text-sm text-slate-700">
          Times of {medication.name} (24-hour, e.g. 08:00, 20:00)
          <input className={inputClass} value={times} onChange={(e) => setTimes(e.target.value)} />
        </label>
      )}
      <Button type="submit" disabled={change.isPending}>{change.isPending ? 'Saving…' : 'Save change'}</Button>
      {change.isError && <div className="w-full"><MutationError error={change.error} /></div>}
    </form>
  );
}

function Row({ base, medication, refresh }: { base: string; medication: Medication; refresh: () => void }) {
  const [changing, setChanging] = useState(false);
  const stop = useMutation({ mutationFn: () => apiFetch(`${base}/${medication.id}`, { method: 'PATCH', json: { stopped: true } }), onSuccess: refresh });
  return (
    <li className="py-2 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p>
          <span className="font-medium text-slate-900">{medication.name}</span> <span className="text-slate-700">· {medication.dose} · {scheduleInWords(medication.schedule)}</span>
          {medication.critical && <span className="ml-2 rounded bg-rose-50 px-1.5 py-0.5 text-xs font-semibold text-rose-800 ring-1 ring-inset ring-rose-200">Critical</span>}
        </p>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => setChanging(!changing)} aria-expanded={changing} aria-label={`Change dose or times of ${medication.name}`}>Change</Button>
          <Button
            variant="danger"
            disabled={stop.isPending}
            aria-label={`Stop ${medication.name}`}
            onClick={() => {
              if (window.confirm(`Stop ${medication.name}? No more doses are planned; the record stays.`)) stop.mutate();
            }}
          >
            Stop
          </Button>
        </div>
      </div>
      {changing && <ChangeDose base={base} medication={medication} onDone={() => { setChanging(false); refresh(); }} />}
      {stop.isError && <div className="mt-2"><MutationError error={stop.error} /></div>}
    </li>
  );
}

export function DoctorMedicationControls({ patientId }: { patientId: string }) {
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
          <h3 className="text-sm font-medium text-slate-900">Change or stop</h3>
          <ul className="divide-y divide-slate-100">
            {current.map((m) => <Row key={m.id} base={base} medication={m} refresh={refresh} />)}
          </ul>
        </div>
      )}
      {list.isError && <MutationError error={list.error} />}
      <details className="rounded-lg border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-900">Prescribe</summary>
        <p className="mt-2 text-xs text-slate-600">Times are the patient’s local times.</p>
        <div className="mt-3">
          <MedicationForm endpoint={base} invalidate={[medicationsKey(base), ['patients', patientId, 'overview']]} asDoctor submitLabel="Prescribe" />
        </div>
      </details>
    </div>
  );
}
