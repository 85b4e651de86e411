'use client';

// A patient types the code their doctor showed at the desk, or scanned its QR code, which opens this page
// with `#code=…` (a fragment: never sent to the server); the invitation then appears to accept. The code's
// form is checked here first (the API's own schema), so the message is in the reader's language.
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { MutationError } from '@/components/patient/mutation-error';
import { Button } from '@/components/ui/button';
import { CODE_LENGTH, redeemInputSchema } from '@/lib/api/invitations';
import { apiFetch } from '@/lib/query/api';

export function RedeemCodeForm() {
  const router = useRouter();
  const t = useTranslations('careTeam.redeem');
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const scanned = /^#code=([A-Za-z0-9-]{1,16})$/.exec(window.location.hash)?.[1];
    if (!scanned) return;
    history.replaceState(null, '', window.location.pathname + window.location.search); // not kept in history
    setCode(scanned); // eslint-disable-line react-hooks/set-state-in-effect -- read once from the URL after hydration
  }, []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!redeemInputSchema.safeParse({ code }).success) {
      setInvalid(code.trim() === '' ? t('missing') : t('invalid', { length: CODE_LENGTH }));
      return;
    }
    setInvalid(null);
    try {
      await apiFetch('/api/v1/invitations/redeem', { json: { code } });
      setCode('');
      router.refresh();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-wrap items-end gap-3" aria-label={t('formLabel')}>
      <label className="flex flex-col text-sm font-medium text-slate-800">
        {t('label')}
        <input
          value={code}
          onChange={(e) => setCode(e.target.value)}
          required
          autoComplete="off"
          aria-invalid={invalid !== null}
          aria-describedby={invalid ? 'redeem-code-error' : undefined}
          className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 font-mono uppercase"
        />
      </label>
      <Button type="submit" variant="secondary">
        {t('use')}
      </Button>
      {invalid && <p id="redeem-code-error" className="w-full text-sm text-red-700">{invalid}</p>}
      {error !== null && <MutationError error={error} />}
    </form>
  );
}
