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
import { getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notificationCenter'))('metaTitle') };
}

export default async function NotificationsPage() {
  const caller = await getPageCaller();
  if (!caller) redirect(await signInPath());
  const [me, t] = await Promise.all([findMe(caller.id), getTranslations('notificationCenter')]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t('heading')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro', { zone: me.timeZone.replace(/_/g, ' ') })}</p>
      </header>
      <NotificationCenter role={caller.role} timeZone={me.timeZone} today={todayIn(me.timeZone)} />
    </div>
  );
}
