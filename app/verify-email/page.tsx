// /verify-email?token=… — the link of a verification e-mail: the page posts the token once and says
// whether the address is now verified.
import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { VerifyEmail } from './verify-email';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('authPages'))('verify.metaTitle') };
}

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = (await searchParams).token;
  const t = await getTranslations('authPages');
  return (
    <main className="mx-auto max-w-md p-8">
      <h1 className="text-2xl font-semibold">{t('verify.title')}</h1>
      <VerifyEmail token={typeof token === 'string' ? token : ''} />
    </main>
  );
}
