// /notifications — the notification center, for every role: what the bell counts, newest first, with
// mark read and (emergencies) acknowledge. The list is fetched by the client from the API, which scopes
// it to the caller and audits the other patients it shows.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { NotificationCenter } from '@/components/notifications/notification-center';
import { todayIn } from '@/components/patient/today';
import { getPageCaller } from '@/lib/auth/page-access';
import { signInPath } from '@/lib/auth/page-path';
import { findMe } from '@/lib/data/users';

export const metadata: Metadata = { title: 'Notifications · Pulse' };

export default async function NotificationsPage() {
  const caller = await getPageCaller();
  if (!caller) redirect(await signInPath());
  const me = await findMe(caller.id);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Notifications</h1>
        <p className="mt-1 text-sm text-slate-600">Alerts, insights and reminders, newest first · times in {me.timeZone.replace(/_/g, ' ')}</p>
      </header>
      <NotificationCenter role={caller.role} timeZone={me.timeZone} today={todayIn(me.timeZone)} />
    </div>
  );
}
