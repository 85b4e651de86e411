'use client';

// One notification in the center: its category, unread state (in words as well as weight), the person
// it is about for carers, when it arrived, where it leads, and for an emergency its state now, with
// Acknowledge while nobody has, and the treatment steps of a low. In the reader's language (`notificationCenter`).
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import type { CenterNotification } from '@/lib/data/notification-center';
import type { NotificationCategory } from '@/lib/notify/preferences';
import type { Role } from '@/lib/generated/prisma/enums';
import { instantPhrase } from '@/components/patient/format';
import { Button } from '@/components/ui/button';
import { LowGlucoseSteps } from './low-glucose-steps';

type T = ReturnType<typeof useTranslations<'notificationCenter'>>;

const CATEGORY_STYLE: Record<NotificationCategory, string> = {
  emergency: 'bg-red-100 text-red-900',
  insight: 'bg-sky-100 text-sky-900',
  medication: 'bg-violet-100 text-violet-900',
  digest: 'bg-slate-200 text-slate-900',
};

function linkLabel(n: CenterNotification, role: Role, t: T): string {
  if (n.patientName) return t('links.patient', { name: n.patientName });
  if (n.category === 'digest') return role === 'DOCTOR' ? t('links.patients') : t('links.caredFor');
  if (role === 'PATIENT') return n.category === 'medication' ? t('links.logDose') : n.category === 'emergency' ? t('links.alerts') : t('links.insights');
  return t('links.open');
}

/** "Acknowledged by Quinn today 09:32", with the state when it moved on since (escalated, resolved). */
function emergencyStatus(e: NonNullable<CenterNotification['emergency']>, t: T, when: (iso: string) => string): string {
  if (!e.acknowledgedAt) return t(`statuses.${e.status}`);
  const state = e.status === 'ESCALATED' || e.status === 'RESOLVED' ? e.status : 'ACKNOWLEDGED';
  return t(`acknowledgedBy.${state}`, { name: e.acknowledgedByName ?? t('someoneOnTeam'), when: when(e.acknowledgedAt) });
}

export type ItemActions = { markRead: (id: string) => void; acknowledge: (n: CenterNotification) => void; busy: boolean };

export function NotificationItem({ n, role, timeZone, today, highlighted, actions }: {
  n: CenterNotification;
  role: Role;
  timeZone: string;
  today: string;
  highlighted: boolean;
  actions: ItemActions;
}) {
  const t = useTranslations('notificationCenter');
  const locale = useLocale();
  const when = (iso: string) => instantPhrase(iso, timeZone, today, locale);
  const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
  const e = n.emergency;
  const unresolved = e && e.status !== 'RESOLVED';
  const low = n.kind.startsWith('emergency.GLUCOSE_LOW');
  const border = n.category === 'emergency' && unresolved ? 'border-red-300' : 'border-slate-200';
  return (
    <li
      id={`n-${n.id}`}
      tabIndex={-1}
      data-testid="notification"
      data-read={n.read}
      className={`scroll-mt-4 rounded-lg border ${border} ${n.read ? 'bg-white' : 'bg-teal-50/60'} p-3 focus:outline-none ${highlighted ? 'ring-2 ring-teal-600 ring-offset-2' : ''}`}
    >
      <article aria-labelledby={`n-${n.id}-title`}>
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
          <span className={`rounded px-1.5 py-0.5 font-semibold ${CATEGORY_STYLE[n.category]}`}>{t(`categories.${n.category}`)}</span>
          {!n.read && <span className="rounded bg-teal-700 px-1.5 py-0.5 font-semibold text-white">{t('unread')}</span>}
          {n.patientName && <span className="font-medium text-slate-800">{t('about', { name: n.patientName })}</span>}
          {n.sentAt && <time dateTime={n.sentAt} className="text-slate-700">{when(n.sentAt)}</time>}
        </div>
        <h2 id={`n-${n.id}-title`} className={`mt-1 text-base text-slate-900 ${n.read ? 'font-medium' : 'font-semibold'}`}>{n.title}</h2>
        <p className="mt-0.5 whitespace-pre-line text-sm text-slate-800">{n.body}</p>
        {e && (
          <p className="mt-1 text-sm text-slate-900" data-testid="emergency-status">
            {t.rich('status', { status: emergencyStatus(e, t, when), b: (chunks) => <span className="font-medium">{chunks}</span> })}
          </p>
        )}
        {low && <LowGlucoseSteps open={!!unresolved} />}
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {unresolved && !e.acknowledgedAt && n.emergencyEventId && (
            <Button onClick={() => actions.acknowledge(n)} disabled={actions.busy}>
              {n.patientName ? t.rich('acknowledgeAbout', { title: n.title, name: n.patientName, sr }) : t.rich('acknowledge', { title: n.title, sr })}
            </Button>
          )}
          {!n.read && (
            <Button variant="secondary" onClick={() => actions.markRead(n.id)} disabled={actions.busy}>
              {t.rich('markRead', { title: n.title, sr })}
            </Button>
          )}
          {n.href && (
            <Link
              href={n.href}
              onClick={() => !n.read && actions.markRead(n.id)}
              className="rounded px-1 text-sm font-medium text-teal-800 underline hover:text-teal-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
            >
              {linkLabel(n, role, t)}
            </Link>
          )}
        </div>
      </article>
    </li>
  );
}
