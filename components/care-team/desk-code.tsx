'use client';

// A doctor's desk code: shown once, for the patient in front of them to type in within 30 minutes, or to
// scan: the QR code opens the patient's Care team page with the code filled in. The code rides in the
// URL's fragment, which browsers never send to a server (so no proxy or access log sees it).
import { useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { MutationError } from '@/components/patient/mutation-error';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/query/api';
import { QrCode } from '@/components/ui/qr-code';

export function DeskCode() {
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const t = useTranslations('careTeam.desk');
  const format = useFormatter();
  async function create() {
    setError(null);
    try {
      setCode(await apiFetch('/api/v1/care-team/invitations/code', { method: 'POST' }));
    } catch (e) {
      setError(e);
    }
  }
  return (
    <div className="space-y-2">
      <Button variant="secondary" onClick={() => void create()}>
        {t('show')}
      </Button>
      {code && (
        <div role="status" className="flex flex-wrap items-center gap-4 text-sm text-slate-800">
          <QrCode text={`${window.location.origin}/care-team#code=${code.code}`} label={t('qr', { code: code.code })} />
          <p className="max-w-xs">
            {t.rich('instructions', {
              // Grouped in fours, as the patient types it (the form accepts it with or without the dash).
              code: `${code.code.slice(0, 4)}-${code.code.slice(4)}`,
              // In the person's time zone (the provider's), not the browser's.
              time: format.dateTime(new Date(code.expiresAt), { hour: '2-digit', minute: '2-digit' }),
              strong: (chunks) => <strong className="font-mono text-lg tracking-widest" data-testid="desk-code">{chunks}</strong>,
            })}
          </p>
        </div>
      )}
      {error !== null && <MutationError error={error} />}
    </div>
  );
}
