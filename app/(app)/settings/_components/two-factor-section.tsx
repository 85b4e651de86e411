'use client';

// Settings → Security: two-factor sign-in. Set up (a secret for the authenticator app, shown as text and
// as an otpauth:// link), confirm with a first code, the ten recovery codes shown once; regenerate them;
// turn it off (patients and caregivers, with a current code or the password). Also the enrolment page
// (/two-factor) where doctors and admins without it are held.
import { QrCode } from '@/components/ui/qr-code';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { InputField } from '@/components/entry/fields';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ApiRequestError, apiFetch } from '@/lib/query/api';
import { useTranslations } from 'use-intl';

export type TwoFactorStatus = { enabled: boolean; pending: boolean; required: boolean; recoveryCodesLeft: number };

type Setup = { secret: string; otpauthUri: string };

type T = ReturnType<typeof useTranslations<'settings.twoFactor'>>;

/** A refusal in the reader's language; the server's reason (English, the API's words) under a translated lead. */
function errorText(error: unknown, t: T): string {
  if (error instanceof ApiRequestError && error.status === 429) return t('tooManyTries');
  return error instanceof Error ? t('failedReason', { reason: error.message }) : t('failed');
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations('settings.twoFactor');
  return (
    <div className="space-y-3" data-testid="recovery-codes">
      <p className="text-sm text-slate-700">
        {t('saveCodes')}
      </p>
      <ul className="grid grid-cols-2 gap-1 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Button onClick={onDone}>{t('savedThem')}</Button>
    </div>
  );
}

export function TwoFactorSection({ initial, canDisable, afterEnrolment }: { initial: TwoFactorStatus; canDisable: boolean; afterEnrolment?: string }) {
  const router = useRouter();
  const t = useTranslations('settings.twoFactor');
  const [status, setStatus] = useState(initial);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  }

  const field = (event: FormEvent<HTMLFormElement>, name: string) => String(new FormData(event.currentTarget).get(name) ?? '').trim();

  const start = () => run(async () => setSetup(await apiFetch<Setup>('/api/v1/users/me/two-factor/setup', { method: 'POST' })));

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = field(event, 'code');
    void run(async () => {
      const { recoveryCodes } = await apiFetch<{ recoveryCodes: string[] }>('/api/v1/users/me/two-factor/confirm', { json: { code } });
      setSetup(null);
      setCodes(recoveryCodes);
      setStatus({ ...status, enabled: true, pending: false, recoveryCodesLeft: recoveryCodes.length });
    });
  }

  function regenerate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = field(event, 'code');
    const form = event.currentTarget;
    void run(async () => {
      const { recoveryCodes } = await apiFetch<{ recoveryCodes: string[] }>('/api/v1/users/me/two-factor/recovery-codes', { json: { code } });
      form.reset();
      setCodes(recoveryCodes);
      setStatus({ ...status, recoveryCodesLeft: recoveryCodes.length });
    });
  }

  function disable(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const secret = field(event, 'secret');
    // Six digits: a code of the app; anything else: the password.
    const body = /^\d{3}\s?\d{3}$/.test(secret) ? { code: secret } : { password: secret };
    void run(async () => {
      await apiFetch('/api/v1/users/me/two-factor', { method: 'DELETE', json: body });
      setStatus({ ...status, enabled: false, pending: false, recoveryCodesLeft: 0 });
    });
  }

  function doneWithCodes() {
    setCodes(null);
    if (afterEnrolment) {
      router.push(afterEnrolment);
      router.refresh();
    }
  }

  return (
    <Card title={t('title')}>
      <div className="space-y-4 text-sm">
        {codes ? (
          <RecoveryCodes codes={codes} onDone={doneWithCodes} />
        ) : status.enabled ? (
          <>
            <p className="text-slate-700">
              {t.rich('on', { strong: (chunks) => <strong>{chunks}</strong> })} {t('codesLeft', { count: status.recoveryCodesLeft })}
            </p>
            <form onSubmit={regenerate} className="flex flex-wrap items-end gap-2" noValidate>
              <InputField name="code" label={t('code')} inputMode="numeric" autoComplete="one-time-code" maxLength={7} required />
              <Button type="submit" variant="secondary" disabled={busy}>{t('newCodes')}</Button>
            </form>
            {canDisable ? (
              <form onSubmit={disable} className="flex flex-wrap items-end gap-2" noValidate>
                <InputField name="secret" type="password" label={t('codeOrPassword')} autoComplete="off" required />
                <Button type="submit" variant="danger" disabled={busy}>{t('turnOff')}</Button>
              </form>
            ) : (
              <p className="text-slate-600">{t('required')}</p>
            )}
          </>
        ) : setup ? (
          <form onSubmit={confirm} className="space-y-3" noValidate>
            <p className="text-slate-700">
              {t('scan')}
            </p>
            <p>
              {t('key')} <code className="break-all rounded bg-slate-100 px-1 font-mono" data-testid="two-factor-secret">{setup.secret.match(/.{1,4}/g)!.join(' ')}</code>
            </p>
            <QrCode text={setup.otpauthUri} label={t('qr')} />
            <p className="break-all">
              {t('link')} <a className="text-teal-800 underline" href={setup.otpauthUri}>{setup.otpauthUri}</a>
            </p>
            <InputField name="code" label={t('code')} inputMode="numeric" autoComplete="one-time-code" maxLength={7} required />
            <Button type="submit" disabled={busy}>{t('turnOn')}</Button>
          </form>
        ) : (
          <>
            <p className="text-slate-700">
              {status.required ? t('requiredIntro') : t('intro')}
            </p>
            <Button onClick={start} disabled={busy}>{t('setUp')}</Button>
          </>
        )}
        {error && (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        )}
      </div>
    </Card>
  );
}
