'use client';

// Unresolved emergency events of the patient: what was measured and when, acknowledge and resolve.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage } from '@/components/ui/states';
import { formatValue, type UnitPreferences } from '@/lib/format/health';
import { apiFetch } from '@/lib/query/api';
import type { EmergencyJson } from './api-types';
import { instantPhrase } from './format';
import { emergenciesOptions } from './queries';

const STATUS: Record<EmergencyJson['status'], string> = {
  OPEN: 'Open',
  ACKNOWLEDGED: 'Acknowledged',
  ESCALATED: 'Escalated to your doctors',
  RESOLVED: 'Resolved',
};

function describe(e: EmergencyJson, units: UnitPreferences): { title: string; body: string } {
  const d = e.details;
  if (e.kind === 'BLOOD_PRESSURE_CRISIS') {
    const reading = d.systolic !== undefined && d.diastolic !== undefined ? `${Math.round(d.systolic)}/${Math.round(d.diastolic)} mmHg` : d.systolic !== undefined ? `systolic ${Math.round(d.systolic)} mmHg` : `diastolic ${Math.round(d.diastolic ?? 0)} mmHg`;
    return { title: 'Blood pressure in the crisis range', body: `A reading of ${reading}.` };
  }
  const reading = formatValue('BLOOD_GLUCOSE', d.mgdl ?? 0, units);
  const limit = d.thresholdMgDl !== undefined ? ` (alert ${e.kind === 'GLUCOSE_LOW' ? 'below' : 'above'} ${formatValue('BLOOD_GLUCOSE', d.thresholdMgDl, units)})` : '';
  return { title: e.kind === 'GLUCOSE_LOW' ? 'Very low glucose' : 'Very high glucose', body: `A reading of ${reading}${limit}.` };
}

export function EmergencyList({ emergencies, units, timeZone, today }: { emergencies: EmergencyJson[]; units: UnitPreferences; timeZone: string; today: string }) {
  const qc = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'acknowledge' | 'resolve' }) => apiFetch<EmergencyJson>(`/api/v1/emergencies/${id}/${action}`, { method: 'POST' }),
    onSuccess: (updated, { action }) => {
      qc.setQueryData(emergenciesOptions.queryKey, (old) =>
        old && { emergencies: old.emergencies.flatMap((e) => (e.id !== updated.id ? [e] : updated.status === 'RESOLVED' ? [] : [{ ...e, ...updated }])) },
      );
      setAnnouncement(action === 'resolve' ? 'Alert marked as resolved.' : 'Alert acknowledged.');
      void qc.invalidateQueries({ queryKey: emergenciesOptions.queryKey });
    },
  });

  if (emergencies.length === 0) {
    return (
      <Card title="Alerts">
        <p className="sr-only" role="status">{announcement}</p>
        <Empty>No open alerts. You are alerted here (and your care team is told) when a reading is far outside the safe range.</Empty>
      </Card>
    );
  }
  return (
    <section aria-labelledby="alerts-heading" className="rounded-xl border-2 border-red-300 bg-red-50 p-4">
      <h2 id="alerts-heading" className="text-base font-semibold text-red-900">
        Open alerts ({emergencies.length})
      </h2>
      <p className="mt-1 text-sm text-red-900">If you feel unwell, call your local emergency number. Your care team has been told.</p>
      <p className="sr-only" role="status">{announcement}</p>
      <ul className="mt-3 space-y-3">
        {emergencies.map((e) => {
          const { title, body } = describe(e, units);
          const at = e.details.atMs !== undefined ? new Date(e.details.atMs).toISOString() : e.detectedAt;
          return (
            <li key={e.id} className="rounded-lg border border-red-200 bg-white p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold text-slate-900">{title}</h3>
                <span className="text-xs font-medium text-slate-700">{STATUS[e.status]}</span>
              </div>
              <p className="mt-1 text-sm text-slate-800">
                {body} Measured {instantPhrase(at, timeZone, today)}.
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                {e.status === 'OPEN' && (
                  <Button onClick={() => act.mutate({ id: e.id, action: 'acknowledge' })} disabled={act.isPending}>
                    Acknowledge<span className="sr-only"> alert: {title}</span>
                  </Button>
                )}
                <Button variant="secondary" onClick={() => act.mutate({ id: e.id, action: 'resolve' })} disabled={act.isPending}>
                  Mark resolved<span className="sr-only"> alert: {title}</span>
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      {act.isError && <div className="mt-3"><ErrorMessage error={act.error} /></div>}
    </section>
  );
}
