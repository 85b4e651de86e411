'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { postJson, useProblemText } from '@/components/account/account-form';

type State = 'working' | 'verified' | 'unusable' | 'failed';

export function VerifyEmail({ token }: { token: string }) {
  const t = useTranslations('authPages');
  const problemText = useProblemText();
  const [state, setState] = useState<State>(token ? 'working' : 'unusable');
  const [problem, setProblem] = useState<string | null>(null);
  const [resent, setResent] = useState<string | null>(null);
  const posted = useRef(false);

  useEffect(() => {
    if (!token || posted.current) return; // once, even when React runs the effect twice
    posted.current = true;
    window.history.replaceState(null, '', '/verify-email'); // the token leaves the address bar and history
    void postJson('/api/v1/auth/verify-email', { token }).then((result) => {
      if (result.status === 200) setState('verified');
      else if (result.status === 404) setState('unusable');
      else {
        setProblem(problemText(result));
        setState('failed');
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- posted once; problemText is a new function each render
  }, [token]);

  async function resend() {
    const result = await postJson('/api/v1/auth/verify-email/resend');
    if (result.status === 202) setResent((result.body as { sent?: boolean }).sent ? t('verify.resent') : t('verify.already'));
    else if (result.status === 401) setResent(t('verify.signInFirst'));
    else setResent(problemText(result));
  }

  if (state === 'working') return <p className="mt-6 text-sm text-slate-700">{t('verify.working')}</p>;
  if (state === 'verified') {
    return (
      <div role="status" className="mt-6 space-y-3 text-sm">
        <p className="rounded-md bg-teal-50 p-4 text-teal-900">{t('verify.done')}</p>
        <Link className="text-teal-800 underline" href="/">
          {t('verify.continue')}
        </Link>
      </div>
    );
  }
  return (
    <div className="mt-6 space-y-3 text-sm">
      <p role="alert" className="text-red-700">
        {state === 'failed' ? problem : t('linkUnusable')}
      </p>
      <button type="button" onClick={resend} className="text-teal-800 underline">
        {t('verify.resend')}
      </button>
      {resent && <p role="status">{resent}</p>}
    </div>
  );
}
