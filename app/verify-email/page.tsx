// /verify-email?token=… — the link of a verification e-mail: the page posts the token once and says
// whether the address is now verified.
import type { Metadata } from 'next';
import { VerifyEmail } from './verify-email';

export const metadata: Metadata = { title: 'Confirm your e-mail address · Pulse' };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = (await searchParams).token;
  return (
    <main className="mx-auto max-w-md p-8">
      <h1 className="text-2xl font-semibold">Confirm your e-mail address</h1>
      <VerifyEmail token={typeof token === 'string' ? token : ''} />
    </main>
  );
}
