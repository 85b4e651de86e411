// /signup — create an account (patient, caregiver, or doctor with a licence). `?next=` (a path on this
// site, e.g. an invitation) is where the new account lands once signed in.
import type { Metadata } from 'next';
import Link from 'next/link';
import { safeNext } from '@/components/account/safe-next';
import { LanguageSwitcher } from '@/components/language-switcher';
import { getTranslations } from '@/lib/i18n/server';
import { SignUpForm } from './signup-form';

export const metadata: Metadata = { title: 'Create an account · Pulse' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  const t = await getTranslations('signup');
  return (
    <main className="mx-auto max-w-md p-8">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <SignUpForm next={next} />
      <p className="mt-6 text-sm text-slate-700">
        {t('haveAccount')}{' '}
        <Link className="text-teal-800 underline" href={next ? `/login?callbackUrl=${encodeURIComponent(next)}` : '/login'}>
          {t('signIn')}
        </Link>
      </p>
      <LanguageSwitcher signedIn={false} className="mt-8" />
    </main>
  );
}
