// The integrator guide's header: the way home, sign in (signed out) and the language, in the reader's
// language like every page's chrome. The guide itself is English developer documentation (as /api-docs).
import Link from 'next/link';
import { LanguageSwitcher } from '@/components/language-switcher';
import { getCaller } from '@/lib/auth/session';
import { getTranslations } from '@/lib/i18n/server';

const focus = 'rounded text-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-500';

export async function SiteHeader() {
  const [caller, nav, landing] = await Promise.all([getCaller().catch(() => null), getTranslations('nav'), getTranslations('landing')]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className={`text-lg font-semibold ${focus}`}>{nav('app')}</Link>
        <div className="flex flex-wrap items-center gap-4">
          {!caller && <Link href="/login" className={`text-sm underline ${focus}`}>{landing('signIn')}</Link>}
          <LanguageSwitcher signedIn={caller !== null} />
        </div>
      </div>
    </header>
  );
}
