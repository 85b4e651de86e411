'use client';

// Unresolved emergency events of the patient: what was measured and when, acknowledge and resolve.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage } from '@/components/ui/states';
import { emergencyReading } from '@/lib/format/emergency-reading';
import { alertAudience, type AlertRecipients, toldPatient } from '@/lib/format/emergency-told';
import { formatValue, type UnitPreferences } from '@/lib/format/health';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { apiFetch } from '@/lib/query/api';
import type { EmergencyJson } from './api-types';
import { instantPhrase } from './format';
import { emergenciesOptions } from './queries';

// The reading itself (emergencyReading) and who was told (emergency-told) are worded in lib/format, in the
// reader's language like the sentences around them.
type T = ReturnType<typeof useTranslations<'dashboard.emergencies'>>;

function describe(e: EmergencyJson, units: UnitPreferences, t: T, locale: Locale): { title: string; body: string } {
  const d = e.details;
  const sentence = e.updates.some((u) => u.worsened) ? 'worstReading' : 'reading';
  if (e.kind === 'MISSED_MEDICATION') return { title: t('missedTitle'), body: t('missedBody', { count: d.missed ?? 2 }) };
  if (e.kind === 'BLOOD_PRESSURE_CRISIS') return { title: t('bpTitle'), body: t(sentence, { reading: emergencyReading(e.kind, d, units, locale), limit: '' }) };
  const limit = d.thresholdMgDl !== undefined ? t(e.kind === 'GLUCOSE_LOW' ? 'below' : 'above', { value: formatValue('BLOOD_GLUCOSE', d.thresholdMgDl, units, locale) }) : '';
  return { title: e.kind === 'GLUCOSE_LOW' ? t('lowTitle') : t('highTitle'), body: t(sentence, { reading: emergencyReading(e.kind, d, units, locale), limit }) };
}

/** Every reading the alert recorded, by the time it was taken: worse ones, late ones, the return to range. */
function history(e: EmergencyJson, units: UnitPreferences, timeZone: string, today: string, t: T, locale: Locale): string[] {
  return e.updates.map((u) => {
    const reading = t('at', { reading: emergencyReading(e.kind, u.details, units, locale), when: instantPhrase(u.at, timeZone, today, locale) });
    if (u.kind === 'RECOVERY') return t('backInRange', { reading });
    const notes = [u.worsened && t('worse'), u.afterResolution && t('afterResolution')].filter(Boolean);
    return notes.length ? t('updateNotes', { reading, notes: notes.join('; ') }) : t('update', { reading });
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
  const locale = useLocale();
  const t = useTranslations('dashboard.emergencies');
  const hidden = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'acknowledge' | 'resolve' }) => apiFetch<EmergencyJson>(`/api/v1/emergencies/${id}/${action}`, { method: 'POST' }),
    onSuccess: (updated, { action }) => {
      qc.setQueryData(emergenciesOptions.queryKey, (old) =>
        old && { emergencies: old.emergencies.flatMap((e) => (e.id !== updated.id ? [e] : updated.status === 'RESOLVED' ? [] : [{ ...e, ...updated }])) },
      );
      setAnnouncement(action === 'resolve' ? t('resolvedDone') : t('acknowledgedDone'));
      void qc.invalidateQueries({ queryKey: emergenciesOptions.queryKey });
    },
  });

  if (emergencies.length === 0) {
    return (
      <Card title={translator(locale, 'dashboard')('alerts')}>
        <p className="sr-only" role="status">{announcement}</p>
        <Empty>{t('noneOpen')}{alertRecipients ? ` ${alertAudience(alertRecipients, locale)}` : ''}</Empty>
      </Card>
    );
  }
  return (
    <section aria-labelledby="alerts-heading" className="rounded-xl border-2 border-red-300 bg-red-50 p-4">
      <h2 id="alerts-heading" className="text-base font-semibold text-red-900">
        {t('openHeading', { count: emergencies.length })}
      </h2>
      <p className="mt-1 text-sm text-red-900">{t('unwell')}</p>
      <p className="sr-only" role="status">{announcement}</p>
      <ul className="mt-3 space-y-3">
        {emergencies.map((e) => {
          const { title, body } = describe(e, units, t, locale);
          const at = e.details.atMs !== undefined ? new Date(e.details.atMs).toISOString() : e.detectedAt;
          const started = e.startedAt !== at ? ` ${t('started', { when: instantPhrase(e.startedAt, timeZone, today, locale) })}` : '';
          return (
            <li key={e.id} className="rounded-lg border border-red-200 bg-white p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold text-slate-900">{title}</h3>
                <span className="text-xs font-medium text-slate-700">{t(e.status)}</span>
              </div>
              <p className="mt-1 text-sm text-slate-800">
                {body} {t('measured', { when: instantPhrase(at, timeZone, today, locale) })}{started}
              </p>
              {e.updates.length > 1 && (
                <ul aria-label={t('readingsDuring', { title })} className="mt-1 list-disc pl-5 text-sm text-slate-800">
                  {history(e, units, timeZone, today, t, locale).map((line) => <li key={line}>{line}</li>)}
                </ul>
              )}
              <p className="mt-1 text-sm text-slate-800">{toldPatient(e.notified, locale)}</p>
              <div className="mt-2 flex flex-wrap gap-2">
                {e.status === 'OPEN' && (
                  <Button onClick={() => act.mutate({ id: e.id, action: 'acknowledge' })} disabled={act.isPending}>
                    {t.rich('acknowledge', { title, hidden })}
                  </Button>
                )}
                <Button variant="secondary" onClick={() => act.mutate({ id: e.id, action: 'resolve' })} disabled={act.isPending}>
                  {t.rich('resolve', { title, hidden })}
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
