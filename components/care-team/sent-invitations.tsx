// The inviter's open invitations (address or desk code, role, until when), each with Withdraw.
import { Empty } from '@/components/ui/states';
import type { SentInvitation } from '@/lib/data/invitations';
import { intlLocale } from '@/lib/i18n/locales';
import { getLocale, getTranslations } from '@/lib/i18n/server';
import { ApiActionButton } from './api-action-button';

export async function SentInvitations({ invitations, timeZone }: { invitations: SentInvitation[]; timeZone: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('careTeam')]);
  if (invitations.length === 0) return <Empty>{t('sent.empty')}</Empty>;
  const format = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone });
  return (
    <ul className="divide-y divide-slate-100">
      {invitations.map((inv) => (
        <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0" data-testid="sent-invitation">
          <p className="text-sm break-all text-slate-800">
            {t.rich('sent.item', {
              who: inv.email ?? t('sent.deskCode'),
              role: inv.role,
              date: format.format(new Date(inv.expiresAt)),
              time: (chunks) => <time dateTime={inv.expiresAt}>{chunks}</time>,
            })}
          </p>
          <ApiActionButton
            path={`/api/v1/care-team/invitations/${inv.id}`}
            method="DELETE"
            label={t('sent.withdraw')}
            variant="danger"
            ariaLabel={inv.email ? t('sent.withdrawAria', { who: inv.email }) : t('sent.withdrawDeskAria')}
          />
        </li>
      ))}
    </ul>
  );
}
