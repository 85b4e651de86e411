'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { FieldError, INPUT_CLASS, postJson, useProblemText } from '@/components/account/account-form';
import { Button } from '@/components/ui/button';

/** The account's e-mail address: its confirmation, and a change (confirmed from the new address). */
export function EmailForm({ email, verified, pendingEmail }: { email: string; verified: boolean; pendingEmail: string | null }) {
  const router = useRouter();
  const t = useTranslations('settings.email');
  const account = useTranslations('account');
  const problemText = useProblemText();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [note, setNote] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setFields({});
    setNote(null);
    const result = await postJson('/api/v1/users/me/email', { email: String(form.get('email') ?? ''), currentPassword: String(form.get('currentPassword') ?? '') });
    setPending(false);
    if (result.status === 202) {
      formElement.reset();
      setNote(t('checkNew'));
      router.refresh();
    } else if (result.status === 422) setFields(result.fields);
    else setNote(problemText(result));
  }

  async function resend() {
    const result = await postJson('/api/v1/auth/verify-email/resend');
    setNote(result.status === 202 ? t('resent') : problemText(result));
  }

  return (
    <section className="rounded-md border border-slate-200 bg-white p-4" aria-labelledby="email-heading">
      <h2 id="email-heading" className="text-lg font-semibold text-slate-900">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {verified ? t('confirmed', { email }) : t('notConfirmed', { email })}
      </p>
      {pendingEmail && <p className="mt-1 text-sm text-slate-700">{t('waiting', { email: pendingEmail })}</p>}
      {(!verified || pendingEmail) && (
        <Button variant="secondary" className="mt-2" onClick={resend}>
          {t('resend')}
        </Button>
      )}
      <form method="post" onSubmit={onSubmit} className="mt-4 space-y-3" noValidate>
        <label className="block text-sm font-medium">
          {t('newAddress')}
          <input name="email" type="email" autoComplete="email" required className={INPUT_CLASS} aria-describedby={fields.email ? 'new-email-error' : undefined} />
        </label>
        <FieldError id="new-email-error" text={fields.email && account('fieldReason', { reason: fields.email })} />
        <label className="block text-sm font-medium">
          {t('currentPassword')}
          <input name="currentPassword" type="password" autoComplete="current-password" required className={INPUT_CLASS} aria-describedby={fields.currentPassword ? 'current-password-error' : undefined} />
        </label>
        <FieldError id="current-password-error" text={fields.currentPassword && account('fieldReason', { reason: fields.currentPassword })} />
        <Button type="submit" disabled={pending}>
          {pending ? t('sending') : t('change')}
        </Button>
      </form>
      {note && (
        <p role="status" className="mt-2 text-sm text-slate-800">
          {note}
        </p>
      )}
    </section>
  );
}
