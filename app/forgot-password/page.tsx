// /forgot-password — asks for a password-reset link by e-mail (the answer is the same for any address).
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { ForgotPasswordForm } from './forgot-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('authPages'))('forgot.metaTitle') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('authPages');
  return (
    <main className="mx-auto max-w-sm p-8">
      <h1 className="text-2xl font-semibold">{t('forgot.title')}</h1>
      <p className="mt-2 text-sm text-slate-700">{t('forgot.intro')}</p>
      <ForgotPasswordForm />
      <p className="mt-6 text-sm">
        <Link className="text-teal-800 underline" href="/login">
          {t('backToSignIn')}
        </Link>
      </p>
    </main>
  );
}
