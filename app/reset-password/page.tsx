// /reset-password?token=… — the link of a password-reset e-mail: choose a new password (every session
// of the account ends).
import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { ResetPasswordForm } from './reset-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('authPages'))('reset.metaTitle') };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = (await searchParams).token;
  const t = await getTranslations('authPages');
  return (
    <main className="mx-auto max-w-sm p-8">
      <h1 className="text-2xl font-semibold">{t('reset.title')}</h1>
      <ResetPasswordForm token={typeof token === 'string' ? token : ''} />
    </main>
  );
}
