'use client';

// Signing out also ends this browser's push subscription (a shared browser must not keep receiving the
// previous person's alerts); that step is given two seconds at most and never stops the sign-out. It
// deletes what the offline app keeps for the person (their queue, key, snapshots: lib/offline/queue.ts),
// asking first when entries logged offline have not been sent yet, and empties the service worker's caches.
import { getSession, signOut } from 'next-auth/react';
import { useTranslations } from 'use-intl';
import { forgetUser, waitingCount } from '@/lib/offline/queue';
import { clearOfflineCaches } from '@/lib/offline/service-worker';
import { unsubscribeThisBrowser } from './push/push-client';

const atMost = (ms: number, work: Promise<unknown>) => Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, ms))]);

async function signOutHere(confirmLosing: (count: number) => boolean) {
  const userId = (await getSession().catch(() => null))?.user?.id;
  if (userId) {
    const waiting = await waitingCount(userId).catch(() => 0);
    if (waiting > 0 && !confirmLosing(waiting)) return;
    await atMost(5000, forgetUser(userId));
  }
  await Promise.all([atMost(2000, unsubscribeThisBrowser()), atMost(2000, clearOfflineCaches())]);
  await signOut({ callbackUrl: '/' });
}

export function SignOutButton() {
  const t = useTranslations('nav');
  const tOffline = useTranslations('offline');
  return (
    <button
      type="button"
      onClick={() => void signOutHere((count) => window.confirm(tOffline('signOutWaiting', { count })))}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-500"
    >
      {t('signOut')}
    </button>
  );
}
