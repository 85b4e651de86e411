'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { FieldError, FormEnd, INPUT_CLASS, postJson, problemText } from '@/components/account/account-form';

const ROLES = ['PATIENT', 'CAREGIVER', 'DOCTOR'] as const;

export function SignUpForm({ next }: { next: string | null }) {
  const t = useTranslations('signup');
  const router = useRouter();
  const [role, setRole] = useState<string>('PATIENT');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '');
    const body = {
      email: value('email'),
      name: value('name'),
      password: value('password'),
      role,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
      ...(role === 'DOCTOR' ? { licenceNumber: value('licenceNumber'), licenceBody: value('licenceBody') } : {}),
    };
    setPending(true);
    setFields({});
    setProblem(null);
    const result = await postJson('/api/v1/auth/signup', body);
    if (result.status !== 201) {
      setPending(false);
      if (result.status === 422 && Object.keys(result.fields).length > 0) setFields(result.fields);
      else setProblem(problemText(result));
      return;
    }
    // A new account signs in with what was just typed; an address that already had an account does not
    // (its owner was e-mailed), and the page says to check the inbox either way.
    const signedIn = await signIn('credentials', { email: body.email, password: body.password, redirect: false });
    setPending(false);
    if (signedIn && !signedIn.error) {
      router.push(next ?? '/');
      router.refresh();
      return;
    }
    setSentTo(body.email);
  }

  if (sentTo) {
    return (
      <p role="status" className="mt-6 rounded-md bg-teal-50 p-4 text-sm text-teal-900">
        {t('sent', { email: sentTo })}
      </p>
    );
  }

  const described = (name: string) => (fields[name] ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {});
  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <fieldset>
        <legend className="text-sm font-medium">{t('iAm')}</legend>
        <div className="mt-2 space-y-2">
          {ROLES.map((value) => (
            <label key={value} className="flex items-start gap-2 text-sm">
              <input type="radio" name="role" value={value} checked={role === value} onChange={() => setRole(value)} className="mt-1" />
              <span>
                <span className="font-medium">{t(`roles.${value}`)}</span> <span className="text-slate-600">{t(`roles.${value}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id="role-error" text={fields.role} />
      </fieldset>
      <label className="block text-sm font-medium">
        {t('name')}
        <input name="name" autoComplete="name" required maxLength={100} className={INPUT_CLASS} {...described('name')} />
      </label>
      <FieldError id="name-error" text={fields.name} />
      <label className="block text-sm font-medium">
        {t('email')}
        <input name="email" type="email" autoComplete="email" required className={INPUT_CLASS} {...described('email')} />
      </label>
      <FieldError id="email-error" text={fields.email} />
      <label className="block text-sm font-medium">
        {t('password')} <span className="font-normal text-slate-600">{t('passwordHint')}</span>
        <input name="password" type="password" autoComplete="new-password" required minLength={12} maxLength={200} className={INPUT_CLASS} {...described('password')} />
      </label>
      <FieldError id="password-error" text={fields.password} />
      {role === 'DOCTOR' && (
        <>
          <label className="block text-sm font-medium">
            {t('licenceNumber')}
            <input name="licenceNumber" required maxLength={100} className={INPUT_CLASS} {...described('licenceNumber')} />
          </label>
          <FieldError id="licenceNumber-error" text={fields.licenceNumber} />
          <label className="block text-sm font-medium">
            {t('licenceBody')} <span className="font-normal text-slate-600">{t('licenceBodyHint')}</span>
            <input name="licenceBody" required maxLength={200} className={INPUT_CLASS} {...described('licenceBody')} />
          </label>
          <FieldError id="licenceBody-error" text={fields.licenceBody} />
        </>
      )}
      <FormEnd problem={problem} pending={pending} label={t('submit')} pendingLabel={t('pending')} />
    </form>
  );
}
