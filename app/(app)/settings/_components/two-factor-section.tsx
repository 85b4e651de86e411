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

export type TwoFactorStatus = { enabled: boolean; pending: boolean; required: boolean; recoveryCodesLeft: number };

type Setup = { secret: string; otpauthUri: string };

function errorText(error: unknown): string {
  if (error instanceof ApiRequestError && error.status === 429) return 'Too many tries. Wait a little, then try again.';
  return error instanceof Error ? error.message.charAt(0).toUpperCase() + error.message.slice(1) + '.' : 'Something went wrong.';
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="space-y-3" data-testid="recovery-codes">
      <p className="text-sm text-slate-700">
        Save these recovery codes somewhere safe. Each one signs you in once if you lose your phone. They are shown only now.
      </p>
      <ul className="grid grid-cols-2 gap-1 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Button onClick={onDone}>I have saved them</Button>
    </div>
  );
}

export function TwoFactorSection({ initial, canDisable, afterEnrolment }: { initial: TwoFactorStatus; canDisable: boolean; afterEnrolment?: string }) {
  const router = useRouter();
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
      setError(errorText(e));
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
    <Card title="Two-factor sign-in">
      <div className="space-y-4 text-sm">
        {codes ? (
          <RecoveryCodes codes={codes} onDone={doneWithCodes} />
        ) : status.enabled ? (
          <>
            <p className="text-slate-700">
              Two-factor sign-in is <strong>on</strong>: you sign in with your password and a code from your authenticator app.{' '}
              {status.recoveryCodesLeft} recovery code{status.recoveryCodesLeft === 1 ? '' : 's'} left.
            </p>
            <form onSubmit={regenerate} className="flex flex-wrap items-end gap-2" noValidate>
              <InputField name="code" label="Code from your app" inputMode="numeric" autoComplete="one-time-code" maxLength={7} required />
              <Button type="submit" variant="secondary" disabled={busy}>New recovery codes</Button>
            </form>
            {canDisable ? (
              <form onSubmit={disable} className="flex flex-wrap items-end gap-2" noValidate>
                <InputField name="secret" type="password" label="Code from your app, or your password" autoComplete="off" required />
                <Button type="submit" variant="danger" disabled={busy}>Turn off two-factor sign-in</Button>
              </form>
            ) : (
              <p className="text-slate-600">It is required for doctors and administrators, so it stays on.</p>
            )}
          </>
        ) : setup ? (
          <form onSubmit={confirm} className="space-y-3" noValidate>
            <p className="text-slate-700">
              In your authenticator app, scan this QR code or add an account with this key (or open the link on the phone that has the app), then enter the six-digit code it shows.
            </p>
            <p>
              Key: <code className="break-all rounded bg-slate-100 px-1 font-mono" data-testid="two-factor-secret">{setup.secret.match(/.{1,4}/g)!.join(' ')}</code>
            </p>
            <QrCode text={setup.otpauthUri} label="QR code of the key, for your authenticator app" />
            <p className="break-all">
              Link: <a className="text-teal-800 underline" href={setup.otpauthUri}>{setup.otpauthUri}</a>
            </p>
            <InputField name="code" label="Code from your app" inputMode="numeric" autoComplete="one-time-code" maxLength={7} required />
            <Button type="submit" disabled={busy}>Turn on</Button>
          </form>
        ) : (
          <>
            <p className="text-slate-700">
              {status.required
                ? 'Doctors and administrators sign in with a second step: a code from an authenticator app on your phone. Set it up to continue.'
                : 'Add a second step to signing in: a code from an authenticator app on your phone.'}
            </p>
            <Button onClick={start} disabled={busy}>Set up two-factor sign-in</Button>
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
