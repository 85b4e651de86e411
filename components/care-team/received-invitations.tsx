// The invitations waiting for the signed-in person (doctor, caregiver or patient): who invites, as what,
// until when, with accept and decline. Nothing is shown when there are none.
import { Card } from '@/components/ui/card';
import type { ReceivedInvitation } from '@/lib/data/invitations';
import { intlLocale } from '@/lib/i18n/locales';
import { getLocale, getTranslations } from '@/lib/i18n/server';
import { ApiActionButton } from './api-action-button';

export async function ReceivedInvitations({ invitations, timeZone = 'UTC' }: { invitations: ReceivedInvitation[]; timeZone?: string }) {
  if (invitations.length === 0) return null;
  const [locale, t] = await Promise.all([getLocale(), getTranslations('careTeam')]);
  const format = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  return (
    <Card title={t('received.title', { count: invitations.length })}>
      <ul className="divide-y divide-slate-100">
        {invitations.map((inv) => (
          <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0" data-testid="received-invitation">
            <p className="text-sm text-slate-800">
              {t.rich('received.invites', {
                name: inv.from.name,
                role: inv.role,
                date: format.format(new Date(inv.expiresAt)),
                b: (chunks) => <strong>{chunks}</strong>,
                time: (chunks) => <time dateTime={inv.expiresAt}>{chunks}</time>,
              })}
            </p>
            <span className="flex gap-2">
              <ApiActionButton path={`/api/v1/invitations/${inv.id}/accept`} method="POST" label={t('received.accept')} variant="primary" ariaLabel={t('received.acceptAria', { name: inv.from.name })} />
              <ApiActionButton path={`/api/v1/invitations/${inv.id}/decline`} method="POST" label={t('received.decline')} ariaLabel={t('received.declineAria', { name: inv.from.name })} />
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
