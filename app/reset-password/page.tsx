// /reset-password?token=… — the link of a password-reset e-mail: choose a new password (every session
// of the account ends).
import type { Metadata } from 'next';
import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password · Pulse' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = (await searchParams).token;
  return (
    <main className="mx-auto max-w-sm p-8">
      <h1 className="text-2xl font-semibold">Choose a new password</h1>
      <ResetPasswordForm token={typeof token === 'string' ? token : ''} />
    </main>
  );
}
