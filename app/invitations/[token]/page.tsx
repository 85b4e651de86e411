// /invitations/{token} — the page of an invitation e-mail's link: who invites and as what. Signed out:
// sign in or create an account, then come back here. Signed in with the invited (verified) address:
// accept or decline. Another account: told so, without the invited address. A used, expired, withdrawn
// or unknown token is the same 404.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiActionButton } from '@/components/care-team/api-action-button';
import { getPageCaller } from '@/lib/auth/page-access';
import { invitationPageView } from '@/lib/data/invitations';
import { findMe } from '@/lib/data/users';
import { intlLocale } from '@/lib/i18n/locales';
import { getLocale, getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('careTeam'))('invitation.metaTitle'), referrer: 'no-referrer' };
}
const HOME = { DOCTOR: '/doctor', CAREGIVER: '/caregiver', PATIENT: '/care-team' } as const;
const linkClass = 'font-medium text-teal-800 underline underline-offset-2';

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const caller = await getPageCaller();
  const view = await invitationPageView(token, caller?.id ?? null);
  if (!view) notFound();
  const { invitation, viewer } = view;
  const here = `/invitations/${token}`;
  // In the reader's zone when signed in; signed out, UTC, said so.
  const timeZone = caller ? (await findMe(caller.id)).timeZone : 'UTC';
  const [locale, t] = await Promise.all([getLocale(), getTranslations('careTeam')]);
  const until = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(invitation.expiresAt));
  return (
    <main className="mx-auto max-w-lg space-y-4 p-8">
      <h1 className="text-2xl font-semibold text-slate-900">{t('invitation.title')}</h1>
      <p className="text-slate-800">
        {t.rich('invitation.invites', { name: invitation.from.name, role: invitation.role, b: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <p className="text-sm text-slate-600">{caller ? t('invitation.validUntil', { date: until }) : t('invitation.validUntilUtc', { date: until })}</p>
      {viewer === 'signed-out' && (
        <p className="text-slate-800">
          {t.rich('invitation.signedOut', {
            signin: (chunks) => <Link className={linkClass} href={`/login?callbackUrl=${encodeURIComponent(here)}`}>{chunks}</Link>,
            signup: (chunks) => <Link className={linkClass} href={`/signup?next=${encodeURIComponent(here)}`}>{chunks}</Link>,
          })}
        </p>
      )}
      {viewer === 'unverified' && (
        <p className="text-slate-800">
          {t.rich('invitation.unverified', { settings: (chunks) => <Link className={linkClass} href="/settings">{chunks}</Link> })}
        </p>
      )}
      {viewer === 'other-account' && (
        <p role="alert" className="text-slate-800">
          {t('invitation.otherAccount')}
        </p>
      )}
      {viewer === 'invitee' && caller && (
        <div className="flex gap-3">
          <ApiActionButton path={`/api/v1/invitations/${invitation.id}/accept`} method="POST" label={t('invitation.accept')} variant="primary" then={caller.role in HOME ? HOME[caller.role as keyof typeof HOME] : '/'} />
          <ApiActionButton path={`/api/v1/invitations/${invitation.id}/decline`} method="POST" label={t('invitation.decline')} then="/" />
        </div>
      )}
    </main>
  );
}
