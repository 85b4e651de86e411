// The landing page: signed out, it says how to sign in (with the demo accounts outside production);
// signed in, it sends the user on to their role's home.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCaller } from '@/lib/auth/session';
import { env } from '@/lib/env';
import type { Role } from '@/lib/generated/prisma/enums';
import { LanguageSwitcher } from '@/components/language-switcher';
import { getTranslations } from '@/lib/i18n/server';

export const dynamic = 'force-dynamic';

const DEMO_ACCOUNTS = [
  ['patient@demo.test', 'patient'],
  ['patient2@demo.test', 'patient2'],
  ['doctor@demo.test', 'doctor'],
  ['caregiver@demo.test', 'caregiver'],
  ['admin@demo.test', 'admin'],
] as const;

const ROLE_HOME: Record<Role, string> = { PATIENT: '/dashboard', DOCTOR: '/doctor', CAREGIVER: '/caregiver', ADMIN: '/admin' };

export default async function HomePage() {
  const caller = await getCaller();
  if (caller) redirect(ROLE_HOME[caller.role]);
  const t = await getTranslations('landing');
  return (
    <main className="mx-auto max-w-2xl p-8">
      <h1 className="text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-3 text-slate-700">{t('pitch')}</p>
      <Link href="/login" className="mt-6 inline-block rounded-md bg-teal-700 px-4 py-2 font-medium text-white hover:bg-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-500 focus-visible:ring-offset-2">
        {t('signIn')}
      </Link>
      <Link href="/signup" className="ml-3 mt-6 inline-block rounded-md border border-teal-700 px-4 py-2 font-medium text-teal-800 hover:bg-teal-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-500 focus-visible:ring-offset-2">
        {t('createAccount')}
      </Link>
      {env().demoMode && (
        <section className="mt-8 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="demo-heading">
          <h2 id="demo-heading" className="font-semibold">{t('demoHeading')}</h2>
          <p className="mt-1 text-sm text-slate-700">{t.rich('demoPassword', { code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code> })}</p>
          <ul className="mt-3 space-y-1 text-sm">
            {DEMO_ACCOUNTS.map(([email, what]) => (
              <li key={email}><code className="font-medium">{email}</code> — {t(`demo.${what}`)}</li>
            ))}
          </ul>
        </section>
      )}
      <LanguageSwitcher signedIn={false} className="mt-8" />
    </main>
  );
}
