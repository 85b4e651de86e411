'use client';

// Signing out also ends this browser's push subscription (a shared browser must not keep receiving the
// previous person's alerts); that step is given two seconds at most and never stops the sign-out.
import { signOut } from 'next-auth/react';
import { useTranslations } from 'use-intl';
import { unsubscribeThisBrowser } from './push/push-client';

async function signOutHere() {
  await Promise.race([unsubscribeThisBrowser().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000))]);
  await signOut({ callbackUrl: '/' });
}

export function SignOutButton() {
  const t = useTranslations('nav');
  return (
    <button
      type="button"
      onClick={() => void signOutHere()}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-500"
    >
      {t('signOut')}
    </button>
  );
}
