'use client';

// The patient's emergencies: unresolved ones first, with acknowledge / escalate / resolve (escalating
// notifies every doctor of the patient at once), then those resolved in the last 30 days.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage } from '@/components/ui/states';
import type { OverviewEmergency } from '@/lib/data/patient-overview';
import { emergencyReading } from '@/lib/format/emergency-reading';
import { escalatedTo, toldCarer } from '@/lib/format/emergency-told';
import type { UnitPreferences } from '@/lib/format/health';
import { apiFetch } from '@/lib/query/api';
import { formatWhen } from './format';
import { overviewOptions } from './queries';

type Action = 'acknowledge' | 'escalate' | 'resolve';

const TITLES: Record<OverviewEmergency['kind'], string> = {
  GLUCOSE_LOW: 'Very low glucose',
  GLUCOSE_HIGH: 'Very high glucose',
  BLOOD_PRESSURE_CRISIS: 'Blood pressure crisis',
  MISSED_MEDICATION: 'Missed doses of a critical medication',
};
const STATUS: Record<OverviewEmergency['status'], string> = { OPEN: 'Open', ACKNOWLEDGED: 'Acknowledged', ESCALATED: 'Escalated', RESOLVED: 'Resolved' };
// What happened, from the server's answer: escalation says how many doctors it actually reached.
const done = (action: Action, after: OverviewEmergency) =>
  action === 'escalate' ? escalatedTo(after.notified) : action === 'acknowledge' ? 'Emergency acknowledged.' : 'Emergency resolved.';

const reading = (e: OverviewEmergency, d: Record<string, number>, units: UnitPreferences) => emergencyReading(e.kind, d, units);

/** Every reading the episode recorded, by the time it was taken: worse ones, late ones, the return to range. */
function history(e: OverviewEmergency, units: UnitPreferences, at: (iso: string) => string): string[] {
  return e.updates.map((u) => {
    const text = `${reading(e, u.details, units)}, ${at(u.at)}`;
    if (u.kind === 'RECOVERY') return `Back in range: ${text}.`;
    const notes = [u.worsened && 'worse, notified again', u.afterResolution && 'arrived after resolution'].filter(Boolean);
    return `${text}${notes.length ? ` (${notes.join('; ')})` : ''}.`;
  });
}

export function EmergenciesCard({ patientId, emergencies, units, timeZone, today }: {
  patientId: string;
  emergencies: OverviewEmergency[];
  units: UnitPreferences;
  timeZone: string;
  today: string;
}) {
  const qc = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: Action }) => apiFetch<OverviewEmergency>(`/api/v1/emergencies/${id}/${action}`, { method: 'POST' }),
    onSuccess: async (after, { action }) => {
      setAnnouncement(done(action, after));
      await Promise.all([qc.invalidateQueries({ queryKey: overviewOptions(patientId).queryKey }), qc.invalidateQueries({ queryKey: ['doctor', 'triage'] })]);
    },
  });
  const open = emergencies.filter((e) => e.status !== 'RESOLVED');
  const resolved = emergencies.filter((e) => e.status === 'RESOLVED');
  const when = (iso: string) => formatWhen(iso, timeZone, today);
  const at = (e: OverviewEmergency) => when(e.details.atMs !== undefined ? new Date(e.details.atMs).toISOString() : e.detectedAt);
  // Readings taken before the resolution that arrived after it: recorded on the episode, shown here.
  const late = (e: OverviewEmergency) => history(e, units, when).filter((_, i) => e.updates[i]!.afterResolution);
  const worstLabel = (e: OverviewEmergency) => (e.updates.some((u) => u.worsened) ? 'worst ' : '');

  return (
    <Card title={`Emergencies${open.length ? ` (${open.length} open)` : ''}`} className={open.length ? 'border-2 border-red-300' : ''}>
      <p className="sr-only" role="status" aria-live="polite">{announcement}</p>
      {open.length === 0 && <Empty>No open emergencies.</Empty>}
      <ul className="space-y-3">
        {open.map((e) => (
          <li key={e.id} className="rounded-lg border border-red-200 bg-red-50 p-3">
            <p className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-semibold text-red-900">{TITLES[e.kind]}: {worstLabel(e)}{reading(e, e.details, units)}</span>
              <span className="text-xs font-medium text-slate-800">{STATUS[e.status]}</span>
            </p>
            <p className="text-sm text-slate-800">Measured {at(e)}. Started {when(e.startedAt)}.{e.recoveredAt ? ` Back in range ${when(e.recoveredAt)}.` : ''}</p>
            {e.updates.length > 1 && (
              <ul aria-label={`Readings during this emergency: ${TITLES[e.kind]}`} className="list-disc pl-5 text-sm text-slate-800">
                {history(e, units, when).map((line) => <li key={line}>{line}</li>)}
              </ul>
            )}
            <p className="text-sm text-slate-800">{toldCarer(e.notified)}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              {e.status === 'OPEN' && (
                <Button onClick={() => act.mutate({ id: e.id, action: 'acknowledge' })} disabled={act.isPending}>
                  Acknowledge<span className="sr-only">: {TITLES[e.kind]}</span>
                </Button>
              )}
              {e.status !== 'ESCALATED' && (
                <Button variant="danger" onClick={() => act.mutate({ id: e.id, action: 'escalate' })} disabled={act.isPending}>
                  Escalate<span className="sr-only">: {TITLES[e.kind]}</span>
                </Button>
              )}
              <Button variant="secondary" onClick={() => act.mutate({ id: e.id, action: 'resolve' })} disabled={act.isPending}>
                Resolve<span className="sr-only">: {TITLES[e.kind]}</span>
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {act.isError && <div className="mt-3"><ErrorMessage error={act.error} /></div>}
      {resolved.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold text-slate-800">Resolved in the last 30 days</h3>
          <ul className="mt-1 space-y-1 text-sm text-slate-700">
            {resolved.map((e) => (
              <li key={e.id}>
                {TITLES[e.kind]}: {worstLabel(e)}{reading(e, e.details, units)}, {at(e)}
                {late(e).length > 0 && ` · Arrived after it was resolved: ${late(e).join(' ')}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
