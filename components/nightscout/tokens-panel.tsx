'use client';

// Access tokens of one Nightscout site, with Nightscout's roles, for followers (watch faces, xDrip+ in
// follower mode, Nightguard) and apps that sign in with a token: create (the token shown once, with the
// follower address), list, revoke. A server without the tokens API answers 404: the panel is not shown.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ConfirmDialog } from '@/components/patient/confirm-dialog';
import { instantPhrase } from '@/components/patient/format';
import { MutationError } from '@/components/patient/mutation-error';
import { inputClass } from '@/components/patient/styles';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/states';
import { apiFetch } from '@/lib/query/api';
import { TOKEN_ROLES, type CreatedToken, type NightscoutTokenJson, type TokenRole } from './api-types';
import { followerUrl } from './client-instructions';
import { CopyField } from './client-instructions-view';
import { isNotFound, siteTokensOptions } from './queries';
import { useLocale, useTranslations } from 'use-intl';

// Each role's hint: nightscout.tokens.roles.<role> (the role names are Nightscout's, kept as they are).

type Props = { siteId: string; siteName: string; baseUrl: string; timeZone: string; today: string };

function NewToken({ token, baseUrl, onDone }: { token: CreatedToken; baseUrl: string; onDone: () => void }) {
  const t = useTranslations('nightscout.tokens');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="mt-3 rounded-lg border-2 border-amber-300 bg-amber-50 p-3" data-testid="nightscout-token-panel">
      <h5 ref={heading} tabIndex={-1} className="font-semibold text-slate-900 focus:outline-none">{t('copyTitle', { name: token.name })}</h5>
      <p className="mt-1 text-sm text-slate-800">{t.rich('onlyNow', { role: token.role, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <CopyField label={t('token')} value={token.token} copyLabel={t('copyToken')} />
        <CopyField label={t('followerAddress')} value={followerUrl(baseUrl, token.token)} copyLabel={t('copyFollower')} />
      </div>
      <div className="mt-3 flex justify-end"><Button onClick={onDone}>{t('saved')}</Button></div>
    </div>
  );
}

function TokenRow({ siteId, token, timeZone, today }: { siteId: string; token: NightscoutTokenJson; timeZone: string; today: string }) {
  const t = useTranslations('nightscout.tokens');
  const locale = useLocale();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => apiFetch(`/api/v1/nightscout-sites/${siteId}/tokens/${token.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      setConfirming(false);
      await qc.invalidateQueries({ queryKey: siteTokensOptions(siteId).queryKey });
    },
  });
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="nightscout-token">
      <div className="text-sm">
        <span className="font-medium text-slate-900">{token.name}</span> <span className="text-slate-700">· {token.role}</span>
        <p className="text-slate-600">
          {t('createdAt', { when: instantPhrase(token.createdAt, timeZone, today, locale) })} · {token.lastUsedAt ? t('lastUsed', { when: instantPhrase(token.lastUsedAt, timeZone, today, locale) }) : t('neverUsed')}
        </p>
      </div>
      <Button variant="danger" onClick={() => setConfirming(true)}>{t('revoke')}<span className="sr-only"> {t('revokeWhich', { name: token.name })}</span></Button>
      {confirming && (
        <ConfirmDialog title={t('revokeTitle', { name: token.name })} confirmLabel={t('revokeConfirm')} pending={revoke.isPending} onConfirm={() => revoke.mutate()} onCancel={() => setConfirming(false)}>
          <p>{t('revokeExplain')}</p>
          {revoke.isError && <div className="mt-2"><MutationError error={revoke.error} /></div>}
        </ConfirmDialog>
      )}
    </li>
  );
}

export function TokensPanel({ siteId, siteName, baseUrl, timeZone, today }: Props) {
  const id = useId();
  const t = useTranslations('nightscout.tokens');
  const qc = useQueryClient();
  const tokens = useQuery(siteTokensOptions(siteId));
  const [role, setRole] = useState<TokenRole>('readable');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: { name: string; role: TokenRole }) => apiFetch<CreatedToken>(`/api/v1/nightscout-sites/${siteId}/tokens`, { json: body }),
    onSuccess: async (token) => {
      setCreated(token);
      await qc.invalidateQueries({ queryKey: siteTokensOptions(siteId).queryKey });
    },
  });

  if (tokens.isPending || (tokens.isError && isNotFound(tokens.error))) return null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (!name) {
      setNameError(t('nameMissing'));
      form.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
      return;
    }
    setNameError(null);
    create.mutate({ name, role }, { onSuccess: () => form.reset() });
  }

  const list = tokens.data?.tokens ?? [];
  const followerTemplate = `${baseUrl}?token=…`; // the address form, not text to translate
  return (
    <details className="mt-3 rounded-md border border-slate-200" data-testid="nightscout-tokens">
      <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
        {t('title')}{list.length > 0 ? ` (${list.length})` : ''}
      </summary>
      <div className="px-3 pb-3">
        <p className="text-sm text-slate-700">
          {t('explain', { name: siteName })}
          <span className="font-mono"> {followerTemplate}</span>
        </p>
        {tokens.isError ? (
          <div className="mt-2"><ErrorMessage error={tokens.error} retry={() => tokens.refetch()} /></div>
        ) : list.length > 0 ? (
          <ul className="mt-2 divide-y divide-slate-100">
            {list.map((token) => <TokenRow key={token.id} siteId={siteId} token={token} timeZone={timeZone} today={today} />)}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t('none')}</p>
        )}
        {created && <NewToken token={created} baseUrl={baseUrl} onDone={() => setCreated(null)} />}
        <form onSubmit={submit} noValidate className="mt-3 space-y-3 border-t border-slate-100 pt-3" aria-label={t('formLabel', { name: siteName })}>
          <div>
            <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-900">{t('name')}</label>
            <input id={`${id}-name`} name="name" maxLength={100} autoComplete="off" placeholder={t('placeholder')} className={inputClass}
              aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? `${id}-name-error` : undefined} />
            {nameError && <p id={`${id}-name-error`} className="mt-1 text-sm text-red-700">{nameError}</p>}
          </div>
          <fieldset>
            <legend className="text-sm font-medium text-slate-900">{t('role')}</legend>
            <div className="mt-1 space-y-1">
              {TOKEN_ROLES.map((r) => (
                <label key={r} className="flex items-start gap-2 text-sm text-slate-800">
                  <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} className="mt-1" />
                  <span><span className="font-medium">{r}</span> — {t(`roles.${r}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <Button type="submit" disabled={create.isPending}>{create.isPending ? t('pending') : t('submit')}</Button>
          {create.isError && <MutationError error={create.error} />}
        </form>
      </div>
    </details>
  );
}
