'use client';

// Unresolved emergency events of the patient: what was measured and when, acknowledge and resolve.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage } from '@/components/ui/states';
import { emergencyReading } from '@/lib/format/emergency-reading';
import { alertAudience, type AlertRecipients, toldPatient } from '@/lib/format/emergency-told';
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
  const worse = e.updates.some((u) => u.worsened) ? 'Worst reading' : 'A reading';
  if (e.kind === 'MISSED_MEDICATION') return { title: 'Missed doses of a critical medication', body: `${d.missed ?? 2} planned doses in a row were not logged as taken.` };
  if (e.kind === 'BLOOD_PRESSURE_CRISIS') return { title: 'Blood pressure in the crisis range', body: `${worse} of ${emergencyReading(e.kind, d, units)}.` };
  const limit = d.thresholdMgDl !== undefined ? ` (alert ${e.kind === 'GLUCOSE_LOW' ? 'below' : 'above'} ${formatValue('BLOOD_GLUCOSE', d.thresholdMgDl, units)})` : '';
  return { title: e.kind === 'GLUCOSE_LOW' ? 'Very low glucose' : 'Very high glucose', body: `${worse} of ${emergencyReading(e.kind, d, units)}${limit}.` };
}

/** Every reading the alert recorded, by the time it was taken: worse ones, late ones, the return to range. */
function history(e: EmergencyJson, units: UnitPreferences, timeZone: string, today: string): string[] {
  return e.updates.map((u) => {
    const reading = `${emergencyReading(e.kind, u.details, units)}, ${instantPhrase(u.at, timeZone, today)}`;
    if (u.kind === 'RECOVERY') return `Back in range: ${reading}.`;
    const notes = [u.worsened && 'worse than before, sent to everyone again', u.afterResolution && 'arrived after the alert was resolved'].filter(Boolean);
    return `${reading}${notes.length ? ` (${notes.join('; ')})` : ''}.`;
  });
}

export function EmergencyList({ emergencies, alertRecipients, units, timeZone, today }: {
  emergencies: EmergencyJson[];
  alertRecipients?: AlertRecipients;
  units: UnitPreferences;
  timeZone: string;
  today: string;
}) {
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
        <Empty>No open alerts.{alertRecipients ? ` ${alertAudience(alertRecipients)}` : ''}</Empty>
      </Card>
    );
  }
  return (
    <section aria-labelledby="alerts-heading" className="rounded-xl border-2 border-red-300 bg-red-50 p-4">
      <h2 id="alerts-heading" className="text-base font-semibold text-red-900">
        Open alerts ({emergencies.length})
      </h2>
      <p className="mt-1 text-sm text-red-900">If you feel unwell, call your local emergency number.</p>
      <p className="sr-only" role="status">{announcement}</p>
      <ul className="mt-3 space-y-3">
        {emergencies.map((e) => {
          const { title, body } = describe(e, units);
          const at = e.details.atMs !== undefined ? new Date(e.details.atMs).toISOString() : e.detectedAt;
          const started = e.startedAt !== at ? ` Started ${instantPhrase(e.startedAt, timeZone, today)}.` : '';
          return (
            <li key={e.id} className="rounded-lg border border-red-200 bg-white p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold text-slate-900">{title}</h3>
                <span className="text-xs font-medium text-slate-700">{STATUS[e.status]}</span>
              </div>
              <p className="mt-1 text-sm text-slate-800">
                {body} Measured {instantPhrase(at, timeZone, today)}.{started}
              </p>
              {e.updates.length > 1 && (
                <ul aria-label={`Readings during this alert: ${title}`} className="mt-1 list-disc pl-5 text-sm text-slate-800">
                  {history(e, units, timeZone, today).map((line) => <li key={line}>{line}</li>)}
                </ul>
              )}
              <p className="mt-1 text-sm text-slate-800">{toldPatient(e.notified)}</p>
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
