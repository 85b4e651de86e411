'use client';
// The medications of one patient (issue 19), for the patient (/medications) and for a caregiver
// (/caregiver/patients/{id}/medications): the doses due now with Taken / Skip (a caregiver needs log
// permission), an extra dose of an as-needed medication, today's doses with their status, adherence over
// 7, 14 and 30 days (late apart) with the current streak, every medication (active first) and, for the
// patient, the form to add one and Stop. Dose times are the patient's local times.
// The patient's own dose log works offline: a dose logged with no network is kept on this device,
// encrypted, and sent later (lib/offline/send.ts); the offline shell shows this view from an encrypted
// snapshot of its queries (`offline`), where a planned dose whose window has opened since counts as due.
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { useNowToTheMinute, useOfflineQueue, useQueueState } from '@/components/offline/offline-context';
import { useSaveSnapshot } from '@/components/offline/snapshot';
import { WaitingList } from '@/components/offline/waiting-list';
import { MutationError } from '@/components/patient/mutation-error';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { newItem, OWN_MEDICATIONS_PATH } from '@/lib/offline/items';
import { sendOrQueue, type Sent } from '@/lib/offline/send';
import { DEFAULT_GRACE_MINUTES } from '@/lib/pipeline/medication-schedule';
import { apiFetch } from '@/lib/query/api';
import { todayIn } from '@/components/doctor/format';
import { addDays } from '@/lib/time';
import { localDigits } from '@/lib/format/health';
import type { Locale } from '@/lib/i18n/locales';
import { formatDay } from '@/components/patient/trends/periods';
import { adherenceKey, dayIn, dosesKey, medicationsKey, scheduleInWords, timeIn, type DoseStatus, type AdherenceAnswer, type DosesAnswer, type Medication } from './format';
import { MedicationForm } from './medication-form';

type Props = {
  /** /api/v1/users/me/medications or /api/v1/patients/{id}/medications */
  base: string;
  timeZone: string;
  /** Whose medications, in words: "you" for the patient, the person's name for a caregiver. */
  owner: 'you' | string;
  canLog: boolean;
  canManage: boolean;
  /** The reader: a dose someone else logged names who did. */
  viewerId: string;
  /** Shown offline from a snapshot (components/offline): its day, instead of today's. */
  offline?: { today: string };
};

const STATUS_STYLE: Record<string, string> = {
  taken: 'bg-teal-50 text-teal-900 ring-teal-200',
  late: 'bg-amber-50 text-amber-900 ring-amber-200',
  skipped: 'bg-slate-100 text-slate-800 ring-slate-300',
  missed: 'bg-rose-50 text-rose-900 ring-rose-200',
  due: 'bg-sky-50 text-sky-900 ring-sky-200',
  upcoming: 'bg-white text-slate-700 ring-slate-200',
};

function StatusBadge({ status }: { status: DoseStatus }) {
  const t = useTranslations('medications.status');
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATUS_STYLE[status]}`}>{t(status)}</span>;
}

function describe(m: Medication) {
  return [m.dose, [m.strength, m.form].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
}

function useInvalidate(base: string) {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: medicationsKey(base) });
}

/** Logs a dose: the patient's own go through the offline queue when the network fails (lib/offline/send.ts). */
function useLogDose(base: string, medication: Medication) {
  const invalidate = useInvalidate(base);
  const queue = useOfflineQueue();
  return useMutation({
    mutationFn: async (body: Record<string, unknown>): Promise<Sent<unknown>> => {
      const path = `${base}/${medication.id}/doses`;
      if (queue && base === OWN_MEDICATIONS_PATH) return sendOrQueue(queue, newItem('dose', path, body, { id: medication.id, name: medication.name, dose: medication.dose }));
      return { kind: 'sent', answer: await apiFetch(path, { json: body }) };
    },
    // Offline the dose is queued, not paused: TanStack Query would otherwise wait for the network.
    networkMode: 'always',
    onSuccess: (result) => {
      if (result.kind === 'sent') invalidate();
    },
  });
}

function DueDose({ base, medication, scheduledFor, timeZone, canLog }: { base: string; medication: Medication; scheduledFor: string; timeZone: string; canLog: boolean }) {
  const t = useTranslations('medications');
  const locale = useLocale() as Locale;
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState('');
  const log = useLogDose(base, medication);
  const time = localDigits(timeIn(scheduledFor, timeZone), locale);
  const label = t('doseLabel', { name: medication.name, dose: medication.dose, time });
  return (
    <li className="py-2 text-sm" data-testid="due-dose">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p>
          <span className="font-medium text-slate-900">{medication.name}</span> <span className="text-slate-700">{t('dueLine', { dose: medication.dose, time })}</span>
          {medication.critical && <span className="ml-2 rounded bg-rose-50 px-1.5 py-0.5 text-xs font-semibold text-rose-800 ring-1 ring-inset ring-rose-200">{t('critical')}</span>}
        </p>
        {canLog && !skipping && (
          <div className="flex gap-2">
            <Button onClick={() => log.mutate({ status: 'taken', scheduledFor })} disabled={log.isPending} aria-label={t('takenLabel', { label })}>{t('taken')}</Button>
            <Button variant="secondary" onClick={() => setSkipping(true)} disabled={log.isPending} aria-label={t('skipLabel', { label })}>{t('skip')}</Button>
          </div>
        )}
      </div>
      {canLog && skipping && (
        <form
          className="mt-2 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            log.mutate({ status: 'skipped', scheduledFor, ...(reason.trim() ? { reason: reason.trim() } : {}) });
          }}
        >
          <label className="min-w-48 flex-1 text-sm text-slate-700">
            {t('whySkip', { name: medication.name })}
            <input className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <Button type="submit" variant="secondary" disabled={log.isPending}>{t('skipThis')}</Button>
          <Button variant="secondary" onClick={() => setSkipping(false)}>{t('cancel')}</Button>
        </form>
      )}
      {log.isError && <div className="mt-2"><MutationError error={log.error} /></div>}
    </li>
  );
}

function ExtraDoseButton({ base, medication }: { base: string; medication: Medication }) {
  const t = useTranslations('medications');
  const tOffline = useTranslations('offline');
  const log = useLogDose(base, medication);
  return (
    <div className="mt-1">
      <Button variant="secondary" onClick={() => log.mutate({ status: 'taken' })} disabled={log.isPending} aria-label={t('extraDoseLabel', { name: medication.name })}>
        {log.isPending ? t('saving') : t('extraDose')}
      </Button>
      {log.isSuccess && <span role="status" className="ml-2 text-xs text-teal-800">{log.data.kind === 'queued' ? tOffline('doseQueued') : t('logged')}</span>}
      {log.isError && <div className="mt-2"><MutationError error={log.error} /></div>}
    </div>
  );
}

function StopButton({ base, medication }: { base: string; medication: Medication }) {
  const t = useTranslations('medications');
  const invalidate = useInvalidate(base);
  const stop = useMutation({ mutationFn: () => apiFetch(`${base}/${medication.id}`, { method: 'PATCH', json: { stopped: true } }), onSuccess: invalidate });
  return (
    <>
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
      {stop.isError && <div className="mt-2 w-full"><MutationError error={stop.error} /></div>}
    </>
  );
}

function Adherence({ base }: { base: string }) {
  const t = useTranslations('medications.adherence');
  const locale = useLocale() as Locale;
  const q = useQuery({ queryKey: adherenceKey(base), queryFn: () => apiFetch<AdherenceAnswer>(`${base}/adherence`) });
  return (
    <Card title={t('title')}>
      {q.isPending && <Loading label={t('loading')} />}
      {q.isError && <ErrorMessage error={q.error} retry={() => void q.refetch()} />}
      {q.data && (
        <div data-testid="adherence">
          <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
            {q.data.windows.map((w) => (
              <div key={w.days} className="rounded-md bg-slate-50 p-2">
                <dt className="text-slate-700">{t('days', { days: w.days })}</dt>
                <dd>
                  {w.percent === null ? (
                    <span className="text-slate-600">{t('noPlanned')}</span>
                  ) : (
                    <>
                      <span className={`text-lg font-semibold ${w.percent < 80 ? 'text-red-800' : 'text-slate-900'}`}>{t('percent', { percent: localDigits(String(w.percent), locale) })}</span>
                      <span className="block text-xs text-slate-700">
                        {t('takenOf', { taken: w.taken, planned: w.planned })}
                        {w.late > 0 && t('late', { count: w.late })}
                        {w.skipped > 0 && t('skipped', { count: w.skipped })}
                        {w.missed > 0 && t('missed', { count: w.missed })}
                      </span>
                    </>
                  )}
                </dd>
              </div>
            ))}
            <div className="rounded-md bg-slate-50 p-2">
              <dt className="text-slate-700">{t('streak')}</dt>
              <dd>
                <span className="text-lg font-semibold text-slate-900" data-testid="current-streak">{localDigits(String(q.data.currentStreak), locale)}</span>
                <span className="block text-xs text-slate-700">{t('streakDetail', { count: q.data.currentStreak, longest: q.data.longestStreak })}</span>
              </dd>
            </div>
          </dl>
          <p className="mt-2 text-xs text-slate-600">{t('note')}</p>
        </div>
      )}
    </Card>
  );
}

const GRACE_MS = DEFAULT_GRACE_MINUTES * 60_000;

export function MedicationsView({ base, timeZone, owner, canLog, canManage, viewerId, offline }: Props) {
  const t = useTranslations('medications');
  const locale = useLocale() as Locale;
  const time = (iso: string) => localDigits(timeIn(iso, timeZone), locale);
  const day = (d: string) => formatDay(d, 'year', locale);
  const byWhom = (log: { recordedById: string; recordedByName: string | null; status: string } | null) =>
    log && log.status !== 'missed' && log.recordedById !== viewerId ? <span className="text-xs text-slate-600">{t('byWhom', { name: log.recordedByName ?? t('careTeam') })}</span> : null;
  const list = useQuery({ queryKey: medicationsKey(base), queryFn: () => apiFetch<{ medications: Medication[] }>(base) });
  const today = offline?.today ?? todayIn(timeZone);
  // Yesterday to tomorrow: a dose at 00:30 is due from 23:30 the day before, one at 23:30 until 00:30.
  const from = addDays(today, -1);
  const to = addDays(today, 1);
  const medications = list.data?.medications ?? [];
  const planned = medications.filter((m) => m.schedule.kind !== 'asNeeded' && (m.status === 'active' || m.status === 'ended' || m.status === 'stopped'));
  const doses = useQueries({
    queries: planned.map((m) => ({ queryKey: dosesKey(base, m.id, from, to), queryFn: () => apiFetch<DosesAnswer>(`${base}/${m.id}/doses?from=${from}&to=${to}`), refetchInterval: 60_000 })),
  });
  const withDoses = planned.map((m, i) => ({ medication: m, doses: doses[i]?.data }));
  // Offline the statuses are the snapshot's: a planned dose whose window has opened since is due now.
  const now = useNowToTheMinute();
  const isDue = (p: { status: string; scheduledFor: string }) => p.status === 'due' || (!!offline && p.status === 'upcoming' && Date.parse(p.scheduledFor) - GRACE_MS <= now);
  // A dose waiting in the offline queue is not due any more (the waiting list shows it).
  const { waiting } = useQueueState(useOfflineQueue());
  const queued = new Set(waiting.flatMap(({ item }) => (item.type === 'dose' && item.medication ? [`${item.medication.id} ${String(item.body.scheduledFor)}`] : [])));
  const due = withDoses.flatMap(({ medication, doses: d }) =>
    (d?.planned ?? []).filter((p) => isDue(p) && !queued.has(`${medication.id} ${p.scheduledFor}`)).map((p) => ({ medication, scheduledFor: p.scheduledFor })),
  );
  due.sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor));
  const todays = withDoses
    .flatMap(({ medication, doses: d }) => (d?.planned ?? []).filter((p) => dayIn(p.scheduledFor, timeZone) === today).map((p) => ({ medication, dose: p })))
    .sort((a, b) => a.dose.scheduledFor.localeCompare(b.dose.scheduledFor));
  const extras = withDoses.flatMap(({ medication, doses: d }) => (d?.extra ?? []).filter((x) => x.takenAt && dayIn(x.takenAt, timeZone) === today).map((x) => ({ medication, log: x })));
  const dosesLoading = doses.some((d) => d.isPending);
  const dosesError = doses.find((d) => d.isError)?.error;
  const asNeeded = medications.filter((m) => m.schedule.kind === 'asNeeded' && m.status === 'active');
  const you = owner === 'you';
  // The patient's own view keeps an encrypted snapshot of its queries for the offline shell.
  useSaveSnapshot('medications', [medicationsKey(base)], { today, timeZone }, base === OWN_MEDICATIONS_PATH && !offline);

  if (list.isPending) return <Loading label={t('loading')} />;
  if (list.isError) return <ErrorMessage error={list.error} retry={() => void list.refetch()} />;

  return (
    <div className="space-y-4" data-time-zone={timeZone}>
      <WaitingList />
      <Card title={t('due.title')}>
        {dosesLoading && <Loading label={t('due.loading')} />}
        {dosesError && <ErrorMessage error={dosesError} />}
        {!dosesLoading && due.length === 0 && <Empty>{t('due.empty')}</Empty>}
        {due.length > 0 && (
          <ul className="divide-y divide-slate-100" aria-label={t('due.list')}>
            {due.map((d) => <DueDose key={`${d.medication.id}-${d.scheduledFor}`} base={base} medication={d.medication} scheduledFor={d.scheduledFor} timeZone={timeZone} canLog={canLog} />)}
          </ul>
        )}
        {!canLog && due.length > 0 && <p className="mt-2 text-xs text-slate-600">{t('due.mayNotLog')}</p>}
        {canLog && asNeeded.length > 0 && (
          <div className="mt-3 border-t border-slate-100 pt-3">
            <h3 className="text-sm font-medium text-slate-900">{t('due.asNeeded')}</h3>
            <ul className="mt-1 space-y-2">
              {asNeeded.map((m) => (
                <li key={m.id} className="text-sm">
                  <span className="font-medium text-slate-900">{m.name}</span> <span className="text-slate-700">{t('dotDose', { dose: m.dose })}</span>
                  <ExtraDoseButton base={base} medication={m} />
                </li>
              ))}
            </ul>
          </div>
        )}
      </Card>

      <Card title={t('today.title')}>
        {!dosesLoading && todays.length === 0 && extras.length === 0 && <Empty>{t('today.empty')}</Empty>}
        {(todays.length > 0 || extras.length > 0) && (
          <ul className="divide-y divide-slate-100 text-sm" aria-label={t('today.title')} data-testid="todays-doses">
            {todays.map(({ medication, dose }) => (
              <li key={`${medication.id}-${dose.scheduledFor}`} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                <span>{t.rich('today.line', { time: time(dose.scheduledFor), name: medication.name, dose: medication.dose, num: (c) => <span className="tabular-nums">{c}</span>, b: (c) => <span className="font-medium text-slate-900">{c}</span> })}</span>
                <span className="flex items-center gap-2">
                  {dose.log?.takenAt && <span className="text-xs text-slate-600">{t('today.takenAt', { time: time(dose.log.takenAt) })}</span>}
                  {dose.log?.reason && <span className="text-xs text-slate-600">{t('today.reason', { reason: dose.log.reason })}</span>}
                  {byWhom(dose.log)}
                  <StatusBadge status={dose.status} />
                </span>
              </li>
            ))}
            {extras.map(({ medication, log }) => (
              <li key={log.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                <span>{t.rich('today.line', { time: time(log.takenAt as string), name: medication.name, dose: medication.dose, num: (c) => <span className="tabular-nums">{c}</span>, b: (c) => <span className="font-medium text-slate-900">{c}</span> })}</span>
                <span className="flex items-center gap-2"><span className="text-xs text-slate-700">{t('today.extra')}</span>{byWhom(log)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Adherence base={base} />

      <Card title={t('list.title')}>
        {medications.length === 0 && <Empty>{you ? t('list.emptyYou') : t('list.empty')}</Empty>}
        {medications.length > 0 && (
          <ul className="divide-y divide-slate-100" data-testid="medication-list">
            {medications.map((m) => {
              const current = m.status === 'active' || m.status === 'upcoming';
              return (
                <li key={m.id} className={`py-3 text-sm ${current ? '' : 'opacity-80'}`}>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div>
                      <p className="font-medium text-slate-900">
                        {m.name}
                        {m.critical && <span className="ml-2 rounded bg-rose-50 px-1.5 py-0.5 text-xs font-semibold text-rose-800 ring-1 ring-inset ring-rose-200">{t('critical')}</span>}
                        {!current && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-800">{m.status === 'stopped' ? t('list.stopped') : t('list.ended')}</span>}
                        {m.status === 'upcoming' && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-800">{t('list.starts', { day: day(m.startedOn) })}</span>}
                      </p>
                      <p className="text-slate-700">{describe(m)}</p>
                      <p className="text-slate-700">{scheduleInWords(m.schedule, locale)}</p>
                      <p className="text-xs text-slate-600">
                        {m.prescriberId ? t('list.prescribed') : you ? t('list.addedByYou') : t('list.addedBy', { name: owner })}
                        {t('list.since', { day: day(m.startedOn) })}
                        {m.endedOn && t('list.until', { day: day(m.endedOn) })}
                        {m.stoppedAt && t('list.stoppedOn', { day: day(dayIn(m.stoppedAt, timeZone)) })}
                      </p>
                      {m.instructions && <p className="mt-1 text-xs text-slate-700">{m.instructions}</p>}
                    </div>
                    {canManage && current && <StopButton base={base} medication={m} />}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>

      {canManage && (
        <Card title={t('add.title')}>
          <p className="mb-3 text-sm text-slate-600">{t('add.intro', { zone: timeZone.replace(/_/g, ' ') })}</p>
          <MedicationForm endpoint={base} invalidate={[medicationsKey(base)]} submitLabel={t('add.submit')} />
        </Card>
      )}
    </div>
  );
}
