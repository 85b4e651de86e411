// The sign-in page (server shell around the client form).
import Link from 'next/link';
import { LanguageSwitcher } from '@/components/language-switcher';
import { LoginForm } from '@/components/login-form';
import { getTranslations } from '@/lib/i18n/server';

export default async function LoginPage() {
  const t = await getTranslations('login');
  return (
    <main className="mx-auto max-w-sm p-8">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <LoginForm />
      <p className="mt-6 flex justify-between text-sm"><Link className="text-teal-800 underline" href="/signup">{t('createAccount')}</Link>
        <Link className="text-teal-800 underline" href="/forgot-password">{t('forgot')}</Link></p>
      <LanguageSwitcher signedIn={false} className="mt-8" />
    </main>
  );
}
