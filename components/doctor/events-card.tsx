// Recent timeline events (mood, symptoms, medication, notes, assessments) with who recorded them.
import { Card } from '@/components/ui/card';
import { Empty } from '@/components/ui/states';
import type { OverviewEvent } from '@/lib/data/patient-overview';
import { formatWhen } from './format';

const KIND_LABELS: Record<OverviewEvent['kind'], string> = { MOOD: 'Mood', SYMPTOM: 'Symptom', MEDICATION: 'Medication', NOTE: 'Note', ASSESSMENT: 'Assessment' };

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Payloads as the entry API writes them; anything unexpected shows no more than its kind. */
function describe(e: OverviewEvent): string {
  const p = e.payload;
  const note = str(p.note);
  switch (e.kind) {
    case 'MOOD':
      return [num(p.score) !== null ? `${num(p.score)} of 5` : null, note].filter(Boolean).join(' — ');
    case 'SYMPTOM':
      return [str(p.name), num(p.severity) !== null ? `severity ${num(p.severity)} of 5` : null, note].filter(Boolean).join(', ');
    case 'MEDICATION':
      return [str(p.name), str(p.dose), str(p.status)].filter(Boolean).join(' · ');
    case 'NOTE':
      return str(p.text) ?? '';
    case 'ASSESSMENT':
      return str(p.summary) ?? '';
  }
}

export function EventsCard({ events, timeZone, today }: { events: OverviewEvent[]; timeZone: string; today: string }) {
  return (
    <Card title="Recent events (30 days)">
      {events.length === 0 ? (
        <Empty>No events recorded in the last 30 days.</Empty>
      ) : (
        <ul className="divide-y divide-slate-100">
          {events.map((e) => (
            <li key={e.id} className="py-2 text-sm">
              <p className="flex flex-wrap justify-between gap-x-3">
                <span className="font-medium text-slate-900">{KIND_LABELS[e.kind]}</span>
                <span className="text-slate-600">{formatWhen(e.occurredAt, timeZone, today)}</span>
              </p>
              <p className="text-slate-800">{describe(e)}</p>
              {!e.byPatient && e.recordedBy && <p className="text-xs text-slate-600">Recorded by {e.recordedBy}</p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
