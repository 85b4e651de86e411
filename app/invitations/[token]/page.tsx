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

export const metadata: Metadata = { title: 'Invitation · Pulse', referrer: 'no-referrer' };

const AS = { DOCTOR: 'as their doctor', CAREGIVER: 'as a caregiver', PATIENT: 'as their patient' } as const;
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
  const until = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(invitation.expiresAt));
  return (
    <main className="mx-auto max-w-lg space-y-4 p-8">
      <h1 className="text-2xl font-semibold text-slate-900">Care team invitation</h1>
      <p className="text-slate-800">
        <strong>{invitation.from.name}</strong> invites you to their care team on Pulse {AS[invitation.role]}.
      </p>
      <p className="text-sm text-slate-600">Valid until {until}{caller ? '' : ' UTC'}.</p>
      {viewer === 'signed-out' && (
        <p className="text-slate-800">
          <Link className={linkClass} href={`/login?callbackUrl=${encodeURIComponent(here)}`}>
            Sign in
          </Link>{' '}
          with the address this invitation was sent to, or{' '}
          <Link className={linkClass} href={`/signup?next=${encodeURIComponent(here)}`}>
            create an account
          </Link>{' '}
          with it, to accept or decline.
        </p>
      )}
      {viewer === 'unverified' && (
        <p className="text-slate-800">
          Verify your e-mail address first (see the message we sent you, or ask for a new one in{' '}
          <Link className={linkClass} href="/settings">
            Settings
          </Link>
          ), then open this link again.
        </p>
      )}
      {viewer === 'other-account' && (
        <p role="alert" className="text-slate-800">
          This invitation was sent to another e-mail address than the one of the account you are signed in with. Sign out and sign in with the invited address to answer it.
        </p>
      )}
      {viewer === 'invitee' && caller && (
        <div className="flex gap-3">
          <ApiActionButton path={`/api/v1/invitations/${invitation.id}/accept`} method="POST" label="Accept" variant="primary" then={caller.role in HOME ? HOME[caller.role as keyof typeof HOME] : '/'} />
          <ApiActionButton path={`/api/v1/invitations/${invitation.id}/decline`} method="POST" label="Decline" then="/" />
        </div>
      )}
    </main>
  );
}
