'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { FieldError, FormEnd, INPUT_CLASS, postJson, useProblemText } from '@/components/account/account-form';

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('authPages');
  const account = useTranslations('account');
  const problemText = useProblemText();
  const [state, setState] = useState<'form' | 'done' | 'unusable'>(token ? 'form' : 'unusable');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    setFields({});
    setProblem(null);
    if (password !== String(form.get('confirm') ?? '')) {
      setFields({ confirm: t('reset.mismatch') });
      return;
    }
    setPending(true);
    const result = await postJson('/api/v1/auth/password-reset/confirm', { token, password });
    setPending(false);
    if (result.status === 200) setState('done');
    else if (result.status === 404) setState('unusable');
    else if (result.status === 422) setFields(Object.fromEntries(Object.entries(result.fields).map(([field, reason]) => [field, account('fieldReason', { reason })])));
    else setProblem(problemText(result));
  }

  if (state === 'done') {
    return (
      <div role="status" className="mt-6 space-y-3 text-sm">
        <p className="rounded-md bg-teal-50 p-4 text-teal-900">{t('reset.done')}</p>
        <Link className="text-teal-800 underline" href="/login">
          {t('signIn')}
        </Link>
      </div>
    );
  }
  if (state === 'unusable') {
    return (
      <div className="mt-6 space-y-3 text-sm">
        <p role="alert" className="text-red-700">
          {t('linkUnusable')}
        </p>
        <Link className="text-teal-800 underline" href="/forgot-password">
          {t('reset.askNew')}
        </Link>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <label className="block text-sm font-medium">
        {t('reset.password')} <span className="font-normal text-slate-600">{t('reset.passwordHint')}</span>
        <input name="password" type="password" autoComplete="new-password" required minLength={12} maxLength={200} className={INPUT_CLASS} aria-describedby={fields.password ? 'password-error' : undefined} />
      </label>
      <FieldError id="password-error" text={fields.password} />
      <label className="block text-sm font-medium">
        {t('reset.confirm')}
        <input name="confirm" type="password" autoComplete="new-password" required className={INPUT_CLASS} aria-describedby={fields.confirm ? 'confirm-error' : undefined} />
      </label>
      <FieldError id="confirm-error" text={fields.confirm} />
      <FormEnd problem={problem} pending={pending} label={t('reset.submit')} pendingLabel={t('saving')} />
    </form>
  );
}
