'use client';

// One notification in the center: its category, unread state (in words as well as weight), the person
// it is about for carers, when it arrived, where it leads, and for an emergency its state now, with
// Acknowledge while nobody has, and the treatment steps of a low.
import Link from 'next/link';
import type { CenterNotification } from '@/lib/data/notification-center';
import type { NotificationCategory } from '@/lib/notify/preferences';
import type { Role } from '@/lib/generated/prisma/enums';
import { instantPhrase } from '@/components/patient/format';
import { Button } from '@/components/ui/button';
import { LowGlucoseSteps } from './low-glucose-steps';

export const CATEGORY_LABELS: Record<NotificationCategory, string> = { emergency: 'Emergency', insight: 'Insight', medication: 'Medication', digest: 'Digest' };
const CATEGORY_STYLE: Record<NotificationCategory, string> = {
  emergency: 'bg-red-100 text-red-900',
  insight: 'bg-sky-100 text-sky-900',
  medication: 'bg-violet-100 text-violet-900',
  digest: 'bg-slate-200 text-slate-900',
};
const STATUS: Record<NonNullable<CenterNotification['emergency']>['status'], string> = {
  OPEN: 'Open, nobody has acknowledged it yet',
  ACKNOWLEDGED: 'Acknowledged',
  ESCALATED: 'Escalated',
  RESOLVED: 'Resolved',
};

function linkLabel(n: CenterNotification, role: Role): string {
  if (n.patientName) return `Open ${n.patientName}’s page`;
  if (n.category === 'digest') return role === 'DOCTOR' ? 'Open your patients' : 'Open the people you care for';
  if (role === 'PATIENT') return n.category === 'medication' ? 'Log a dose' : n.category === 'emergency' ? 'See your alerts' : 'See your insights';
  return 'Open';
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
          <span className={`rounded px-1.5 py-0.5 font-semibold ${CATEGORY_STYLE[n.category]}`}>{CATEGORY_LABELS[n.category]}</span>
          {!n.read && <span className="rounded bg-teal-700 px-1.5 py-0.5 font-semibold text-white">Unread</span>}
          {n.patientName && <span className="font-medium text-slate-800">About {n.patientName}</span>}
          {n.sentAt && <time dateTime={n.sentAt} className="text-slate-700">{instantPhrase(n.sentAt, timeZone, today)}</time>}
        </div>
        <h2 id={`n-${n.id}-title`} className={`mt-1 text-base text-slate-900 ${n.read ? 'font-medium' : 'font-semibold'}`}>{n.title}</h2>
        <p className="mt-0.5 whitespace-pre-line text-sm text-slate-800">{n.body}</p>
        {e && (
          <p className="mt-1 text-sm text-slate-900" data-testid="emergency-status">
            <span className="font-medium">Status: </span>
            {e.acknowledgedAt
              ? `${e.status === 'ESCALATED' ? 'Escalated, acknowledged' : e.status === 'RESOLVED' ? 'Resolved, acknowledged' : 'Acknowledged'} by ${e.acknowledgedByName ?? 'someone on the care team'} ${instantPhrase(e.acknowledgedAt, timeZone, today)}`
              : STATUS[e.status]}
          </p>
        )}
        {low && <LowGlucoseSteps open={!!unresolved} />}
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {unresolved && !e.acknowledgedAt && n.emergencyEventId && (
            <Button onClick={() => actions.acknowledge(n)} disabled={actions.busy}>
              Acknowledge<span className="sr-only">: {n.title}{n.patientName ? ` about ${n.patientName}` : ''}</span>
            </Button>
          )}
          {!n.read && (
            <Button variant="secondary" onClick={() => actions.markRead(n.id)} disabled={actions.busy}>
              Mark read<span className="sr-only">: {n.title}</span>
            </Button>
          )}
          {n.href && (
            <Link
              href={n.href}
              onClick={() => !n.read && actions.markRead(n.id)}
              className="rounded px-1 text-sm font-medium text-teal-800 underline hover:text-teal-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
            >
              {linkLabel(n, role)}
            </Link>
          )}
        </div>
      </article>
    </li>
  );
}
