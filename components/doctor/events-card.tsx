'use client';

// Recent timeline events (mood, symptoms, medication, notes, assessments) with who recorded them. What
// the patient wrote (a symptom's name, a note) is shown as written.
import { useLocale, useTranslations } from 'use-intl';
import { Card } from '@/components/ui/card';
import { Empty } from '@/components/ui/states';
import type { OverviewEvent } from '@/lib/data/patient-overview';
import { formatWhen } from './format';

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Payloads as the entry API writes them; anything unexpected shows no more than its kind. */
function describe(e: OverviewEvent, t: ReturnType<typeof useTranslations<'doctor.events'>>): string {
  const p = e.payload;
  const note = str(p.note);
  switch (e.kind) {
    case 'MOOD':
      return [num(p.score) !== null ? t('score', { score: num(p.score)! }) : null, note].filter(Boolean).join(' — ');
    case 'SYMPTOM':
      return [str(p.name), num(p.severity) !== null ? t('severity', { severity: num(p.severity)! }) : null, note].filter(Boolean).join(', ');
    case 'MEDICATION':
      return [str(p.name), str(p.dose), str(p.status)].filter(Boolean).join(' · ');
    case 'NOTE':
      return str(p.text) ?? '';
    case 'ASSESSMENT':
      return str(p.summary) ?? '';
  }
}

export function EventsCard({ events, timeZone, today }: { events: OverviewEvent[]; timeZone: string; today: string }) {
  const t = useTranslations('doctor.events');
  const locale = useLocale();
  return (
    <Card title={t('title')}>
      {events.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <ul className="divide-y divide-slate-100">
          {events.map((e) => (
            <li key={e.id} className="py-2 text-sm">
              <p className="flex flex-wrap justify-between gap-x-3">
                <span className="font-medium text-slate-900">{t(`kinds.${e.kind}`)}</span>
                <span className="text-slate-600">{formatWhen(e.occurredAt, timeZone, today, undefined, locale)}</span>
              </p>
              <p className="text-slate-800">{describe(e, t)}</p>
              {!e.byPatient && e.recordedBy && <p className="text-xs text-slate-600">{t('recordedBy', { name: e.recordedBy })}</p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
