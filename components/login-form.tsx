'use client';

// The sign-in form. With two-factor sign-in on, the first try (e-mail and password) answers
// TwoFactorRequired once the password is right; the form then asks for a code of the authenticator app
// (or a recovery code) and signs in with all of them. After signing in it goes to `?callbackUrl=` when
// that is a path of this site, else home.
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';

const noSubscription = () => () => undefined;

// next-auth's error codes the form explains (anything else: the e-mail or password is wrong).
const MESSAGES = { TwoFactorWrong: 'codeWrong', RateLimited: 'rateLimited' } as const;
const isKnown = (code: string | null | undefined): code is keyof typeof MESSAGES => typeof code === 'string' && code in MESSAGES;

/**
 * Where to go after signing in: a relative path of this site only (never another origin), with the
 * fragment the page was opened with (a redirect keeps it: e.g. a scanned desk code, `#code=…`).
 */
function destination(): string {
  const next = new URLSearchParams(window.location.search).get('callbackUrl');
  return (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/') + window.location.hash;
}

export function LoginForm() {
  const t = useTranslations('login');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [secondStep, setSecondStep] = useState(false);
  const [recovery, setRecovery] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Until React has hydrated the form, a submit would be a native one: keep the button disabled, and
  // POST (never GET) so a password can never end up in a URL.
  const ready = useSyncExternalStore(noSubscription, () => true, () => false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const code = String(form.get('code') ?? '').trim();
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      email,
      password,
      ...(secondStep ? (recovery ? { recoveryCode: code } : { code }) : {}),
      redirect: false,
    });
    setPending(false);
    if (result?.error === 'TwoFactorRequired') {
      setSecondStep(true);
      return;
    }
    if (!result || result.error) {
      setError(t(isKnown(result?.error) ? MESSAGES[result.error] : 'wrong'));
      if (!result?.error?.startsWith('TwoFactor')) setSecondStep(false);
      return;
    }
    router.push(destination());
    router.refresh();
  }

  const input =
    'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-500';
  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {secondStep ? (
        <>
          <p className="text-sm text-slate-700">
            {t(recovery ? 'recoveryHint' : 'codeHint')}
          </p>
          <label className="block text-sm font-medium">
            {t(recovery ? 'recoveryCode' : 'code')}
            <input
              key={recovery ? 'recovery' : 'code'}
              name="code"
              type="text"
              inputMode={recovery ? 'text' : 'numeric'}
              autoComplete="one-time-code"
              autoFocus
              required
              className={input}
            />
          </label>
          <button type="button" onClick={() => setRecovery(!recovery)} className="text-sm text-teal-800 underline">
            {t(recovery ? 'useApp' : 'useRecovery')}
          </button>
        </>
      ) : (
        <>
          <label className="block text-sm font-medium">
            {t('email')}
            <input name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} className={input} />
          </label>
          <label className="block text-sm font-medium">
            {t('password')}
            <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} className={input} />
          </label>
        </>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending || !ready}
        className="w-full rounded-md bg-teal-700 px-4 py-2 font-medium text-white hover:bg-teal-800 disabled:opacity-60 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-500 focus-visible:ring-offset-2"
      >
        {t(pending ? 'pending' : secondStep ? 'verify' : 'submit')}
      </button>
    </form>
  );
}
