// /two-factor — two-factor enrolment. A doctor or admin without a second factor is held here (every other
// page redirects here, every API answers 403 TWO_FACTOR_ENROLMENT_REQUIRED) until it is set up; anyone
// signed in may use it. Outside the signed-in area's layout, whose navigation leads nowhere while held.
import { signInPath } from '@/lib/auth/page-path';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignOutButton } from '@/components/sign-out-button';
import { TwoFactorSection } from '@/app/(app)/settings/_components/two-factor-section';
import { getCaller } from '@/lib/auth/session';
import { TWO_FACTOR_ROLES, twoFactorRequired, twoFactorState } from '@/lib/auth/two-factor';
import { findMe } from '@/lib/data/users';
import { getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('authPages'))('twoFactor.metaTitle') };
}
export const dynamic = 'force-dynamic';

export default async function TwoFactorPage() {
  const caller = await getCaller();
  if (!caller) redirect(await signInPath());
  const me = await findMe(caller.id);
  const state = await twoFactorState(caller.id);
  const t = await getTranslations('authPages');
  const settings = await getTranslations('settings');
  return (
    <main className="mx-auto max-w-xl space-y-4 p-8">
      <header className="flex items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold text-slate-900">{t('twoFactor.title')}</h1>
        <SignOutButton />
      </header>
      <p className="text-sm text-slate-600">{settings('signedInAs', { email: me.email })}</p>
      <TwoFactorSection
        initial={{ ...state, required: twoFactorRequired(caller.role, me.email) }}
        canDisable={!TWO_FACTOR_ROLES.includes(caller.role)}
        afterEnrolment="/"
      />
    </main>
  );
}
