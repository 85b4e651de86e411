// /forgot-password — asks for a password-reset link by e-mail (the answer is the same for any address).
import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot password · Pulse' };

export default function ForgotPasswordPage() {
  return (
    <main className="mx-auto max-w-sm p-8">
      <h1 className="text-2xl font-semibold">Forgot your password?</h1>
      <p className="mt-2 text-sm text-slate-700">Enter your e-mail address and we will send you a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p className="mt-6 text-sm">
        <Link className="text-teal-800 underline" href="/login">
          Back to sign in
        </Link>
      </p>
    </main>
  );
}
