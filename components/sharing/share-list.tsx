'use client';

// The patient's shares: with whom, what, which days, until when, and whether still active. Revoking
// (confirmed) ends a share on its next use.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/patient/confirm-dialog';
import { MutationError } from '@/components/patient/mutation-error';
import { Button } from '@/components/ui/button';
import { typeLabel } from '@/lib/format/health';
import { apiFetch } from '@/lib/query/api';
import { sharesOptions, type ShareJson } from './queries';

const STATUS = {
  active: ['Active', 'bg-teal-50 text-teal-900 ring-teal-200'],
  expired: ['Expired', 'bg-slate-50 text-slate-700 ring-slate-200'],
  revoked: ['Revoked', 'bg-red-50 text-red-800 ring-red-200'],
} as const;

const who = (share: ShareJson) => (share.recipient.kind === 'link' ? 'Anyone with the link' : (share.recipient.email ?? 'A closed account'));

function ShareItem({ share, formatInstant }: { share: ShareJson; formatInstant: (iso: string) => string }) {
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => apiFetch<void>(`/api/v1/shares/${share.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: sharesOptions.queryKey });
      setConfirming(false);
    },
  });
  const [status, tone] = STATUS[share.status];
  return (
    <li className="py-3 first:pt-0 last:pb-0" data-testid="share-item">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <p className="font-medium break-all text-slate-900">{who(share)}</p>
        <span className={`rounded-full px-2.5 py-0.5 text-sm ring-1 ring-inset ${tone}`}>{status}</span>
      </div>
      <p className="mt-1 text-sm text-slate-700">{share.types.map(typeLabel).join(', ')}</p>
      <p className="text-sm text-slate-700">
        Data from <time dateTime={share.from}>{share.from}</time> to <time dateTime={share.to}>{share.to}</time> ·{' '}
        {share.status === 'revoked' && share.revokedAt ? <>revoked {formatInstant(share.revokedAt)}</> : <>{share.status === 'expired' ? 'ended' : 'until'} {formatInstant(share.expiresAt)}</>}
      </p>
      {share.status === 'active' && (
        <Button variant="danger" className="mt-2" onClick={() => setConfirming(true)} aria-label={`Revoke the share with ${share.recipient.kind === 'link' ? 'anyone with the link' : who(share)}`}>
          Revoke
        </Button>
      )}
      {confirming && (
        <ConfirmDialog title="Revoke this share?" confirmLabel="Revoke share" pending={revoke.isPending} onConfirm={() => revoke.mutate()} onCancel={() => setConfirming(false)}>
          <p>{who(share)} can no longer see this data, starting with their next request. This cannot be undone; you can make a new share later.</p>
          {revoke.isError && <div className="mt-2"><MutationError error={revoke.error} /></div>}
        </ConfirmDialog>
      )}
    </li>
  );
}

export function ShareList({ shares, timeZone }: { shares: ShareJson[]; timeZone: string }) {
  const format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });
  return (
    <ul className="divide-y divide-slate-100" aria-label="Your shares">
      {shares.map((s) => (
        <ShareItem key={s.id} share={s} formatInstant={(iso) => format.format(new Date(iso))} />
      ))}
    </ul>
  );
}
