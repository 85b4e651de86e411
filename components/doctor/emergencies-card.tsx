'use client';

// The patient's emergencies: unresolved ones first, with acknowledge / escalate / resolve (escalating
// notifies every doctor of the patient at once), then those resolved in the last 30 days.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage } from '@/components/ui/states';
import type { OverviewEmergency } from '@/lib/data/patient-overview';
import { emergencyReading } from '@/lib/format/emergency-reading';
import { escalatedTo, toldCarer } from '@/lib/format/emergency-told';
import type { UnitPreferences } from '@/lib/format/health';
import type { Locale } from '@/lib/i18n/locales';
import { apiFetch } from '@/lib/query/api';
import { formatWhen } from './format';
import { overviewOptions } from './queries';

type Action = 'acknowledge' | 'escalate' | 'resolve';
type T = ReturnType<typeof useTranslations<'doctor.emergencies'>>;

/** Every reading the episode recorded, by the time it was taken: worse ones, late ones, the return to range. */
function history(e: OverviewEmergency, units: UnitPreferences, at: (iso: string) => string, t: T, locale: Locale): string[] {
  return e.updates.map((u) => {
    const values = { reading: emergencyReading(e.kind, u.details, units, locale), when: at(u.at) };
    if (u.kind === 'RECOVERY') return t('backInRangeLine', values);
    const notes = [u.worsened && t('worse'), u.afterResolution && t('afterResolution')].filter(Boolean);
    return notes.length ? t('updateNotes', { ...values, notes: notes.join('; ') }) : t('update', values);
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
  const t = useTranslations('doctor.emergencies');
  const locale = useLocale();
  const [announcement, setAnnouncement] = useState('');
  // What happened, from the server's answer: escalation says how many doctors it actually reached.
  const done = (action: Action, after: OverviewEmergency) =>
    action === 'escalate'
      ? escalatedTo(after.notified, locale)
      : action === 'acknowledge' ? t('acknowledgedDone') : t('resolvedDone');
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: Action }) => apiFetch<OverviewEmergency>(`/api/v1/emergencies/${id}/${action}`, { method: 'POST' }),
    onSuccess: async (after, { action }) => {
      setAnnouncement(done(action, after));
      await Promise.all([qc.invalidateQueries({ queryKey: overviewOptions(patientId).queryKey }), qc.invalidateQueries({ queryKey: ['doctor', 'triage'] })]);
    },
  });
  const open = emergencies.filter((e) => e.status !== 'RESOLVED');
  const resolved = emergencies.filter((e) => e.status === 'RESOLVED');
  const when = (iso: string) => formatWhen(iso, timeZone, today, undefined, locale);
  const at = (e: OverviewEmergency) => when(e.details.atMs !== undefined ? new Date(e.details.atMs).toISOString() : e.detectedAt);
  // Readings taken before the resolution that arrived after it: recorded on the episode, shown here.
  const late = (e: OverviewEmergency) => history(e, units, when, t, locale).filter((_, i) => e.updates[i]!.afterResolution);
  const title = (e: OverviewEmergency) => t(`kinds.${e.kind}`);
  const headline = (e: OverviewEmergency) =>
    t(e.updates.some((u) => u.worsened) ? 'headlineWorst' : 'headline', { title: title(e), reading: emergencyReading(e.kind, e.details, units, locale) });
  const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;

  return (
    <Card title={open.length ? t('titleOpen', { count: open.length }) : t('title')} className={open.length ? 'border-2 border-red-300' : ''}>
      <p className="sr-only" role="status" aria-live="polite">{announcement}</p>
      {open.length === 0 && <Empty>{t('noneOpen')}</Empty>}
      <ul className="space-y-3">
        {open.map((e) => (
          <li key={e.id} className="rounded-lg border border-red-200 bg-red-50 p-3">
            <p className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-semibold text-red-900">{headline(e)}</span>
              <span className="text-xs font-medium text-slate-800">{t(`status.${e.status}`)}</span>
            </p>
            <p className="text-sm text-slate-800">{[t('measured', { when: at(e) }), t('started', { when: when(e.startedAt) }), e.recoveredAt && t('backInRange', { when: when(e.recoveredAt) })].filter(Boolean).join(' ')}</p>
            {e.updates.length > 1 && (
              <ul aria-label={t('readingsDuring', { title: title(e) })} className="list-disc pl-5 text-sm text-slate-800">
                {history(e, units, when, t, locale).map((line) => <li key={line}>{line}</li>)}
              </ul>
            )}
            <p className="text-sm text-slate-800">{toldCarer(e.notified, locale)}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              {e.status === 'OPEN' && (
                <Button onClick={() => act.mutate({ id: e.id, action: 'acknowledge' })} disabled={act.isPending}>
                  {t.rich('acknowledge', { title: title(e), sr })}
                </Button>
              )}
              {e.status !== 'ESCALATED' && (
                <Button variant="danger" onClick={() => act.mutate({ id: e.id, action: 'escalate' })} disabled={act.isPending}>
                  {t.rich('escalate', { title: title(e), sr })}
                </Button>
              )}
              <Button variant="secondary" onClick={() => act.mutate({ id: e.id, action: 'resolve' })} disabled={act.isPending}>
                {t.rich('resolve', { title: title(e), sr })}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {act.isError && <div className="mt-3"><ErrorMessage error={act.error} /></div>}
      {resolved.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold text-slate-800">{t('resolvedHeading')}</h3>
          <ul className="mt-1 space-y-1 text-sm text-slate-700">
            {resolved.map((e) => (
              <li key={e.id}>
                {t('resolvedLine', { headline: headline(e), when: at(e) })}
                {late(e).length > 0 && t('arrivedAfter', { lines: late(e).join(' ') })}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
