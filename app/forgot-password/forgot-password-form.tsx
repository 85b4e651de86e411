'use client';

import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { FieldError, FormEnd, INPUT_CLASS, postJson, useProblemText } from '@/components/account/account-form';

export function ForgotPasswordForm() {
  const t = useTranslations('authPages');
  const account = useTranslations('account');
  const problemText = useProblemText();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    setPending(true);
    setFields({});
    setProblem(null);
    const result = await postJson('/api/v1/auth/password-reset', { email });
    setPending(false);
    if (result.status === 202) setSentTo(email);
    else if (result.status === 422) setFields(result.fields);
    else setProblem(problemText(result));
  }

  if (sentTo) {
    return (
      <p role="status" className="mt-6 rounded-md bg-teal-50 p-4 text-sm text-teal-900">
        {t('forgot.sent', { email: sentTo })}
      </p>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <label className="block text-sm font-medium">
        {t('email')}
        <input name="email" type="email" autoComplete="email" required className={INPUT_CLASS} aria-describedby={fields.email ? 'email-error' : undefined} />
      </label>
      <FieldError id="email-error" text={fields.email && account('fieldReason', { reason: fields.email })} />
      <FormEnd problem={problem} pending={pending} label={t('forgot.submit')} pendingLabel={t('sending')} />
    </form>
  );
}
