'use client';

// Chooses the language of every page. It always keeps the choice in a cookie (pages before signing in,
// and sign-up, read it); signed in, it is also the person's preference (PATCH settings), which their
// e-mails and pushes follow. The languages are listed in their own scripts, and the label also says
// "Language" in English, so someone who cannot read the current language still finds it.
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { isLocale, LANGUAGE_NAMES, LOCALE_COOKIE, LOCALES } from '@/lib/i18n/locales';

export function LanguageSwitcher({ signedIn, className }: { signedIn: boolean; className?: string }) {
  const t = useTranslations('common');
  const locale = useLocale();
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  const id = useId();

  async function choose(value: string) {
    if (!isLocale(value)) return;
    setFailed(false);
    document.cookie = `${LOCALE_COOKIE}=${value}; path=/; max-age=31536000; samesite=lax`;
    if (signedIn) {
      const res = await fetch('/api/v1/users/me/settings', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ language: value }),
      }).catch(() => null);
      if (!res?.ok) {
        setFailed(true);
        return;
      }
    }
    startTransition(() => router.refresh());
  }

  return (
    <div className={className}>
      <span className="inline-flex items-center gap-2 text-sm text-slate-700">
        <label htmlFor={id}>
          {t('language')}
          {locale !== 'en' && <span lang="en">{' · Language'}</span>}
        </label>
        <select
          id={id}
          value={locale}
          disabled={pending}
          onChange={(e) => void choose(e.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-500"
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </span>
      {failed && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {t('languageFailed')}
        </p>
      )}
    </div>
  );
}
