// /admin/care-links — the active care relationships (patient, doctor or caregiver, permissions, since
// when), newest first; an admin can end one, effective on the carer's next request.
import type { Metadata } from 'next';
import { DataTable, PageHeader, Td, Th } from '@/components/admin/table';
import { ApiActionButton } from '@/components/care-team/api-action-button';
import { Card } from '@/components/ui/card';
import { Empty } from '@/components/ui/states';
import { requirePageRole } from '@/lib/auth/page-access';
import { listActiveCareLinks } from '@/lib/data/care-team';
import { findMe } from '@/lib/data/users';
import { intlLocale } from '@/lib/i18n/locales';
import { getLocale, getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('meta', { page: t('pages.careLinks.title') }) };
}

export default async function AdminCareLinksPage() {
  const caller = await requirePageRole(['ADMIN']);
  const [links, me, locale, t] = await Promise.all([listActiveCareLinks(), findMe(caller.id), getLocale(), getTranslations('admin')]);
  // English keeps its day-month-year order ('5 Dec 2026'); the others as their language writes a date.
  const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : intlLocale(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: me.timeZone });
  const yesNo = (on: boolean) => (on ? t('careLinks.yes') : t('careLinks.no'));
  return (
    <>
      <PageHeader title={t('pages.careLinks.title')}>{t('pages.careLinks.intro')}</PageHeader>
      <Card>
        {links.length === 0 ? (
          <Empty>{t('careLinks.empty')}</Empty>
        ) : (
          <DataTable caption={t('careLinks.caption')} head={<><Th>{t('careLinks.columns.patient')}</Th><Th>{t('careLinks.columns.carer')}</Th><Th>{t('careLinks.columns.as')}</Th><Th>{t('careLinks.columns.permissions')}</Th><Th>{t('careLinks.columns.since')}</Th><Th><span className="sr-only">{t('common.actions')}</span></Th></>}>
            {links.map((l) => (
              <tr key={l.id} data-testid="care-link">
                <Td>{l.patient.name ?? l.patient.id}</Td>
                <Td>{l.carer.name ?? l.carer.id}</Td>
                <Td>{l.kind === 'DOCTOR' ? t('roles.DOCTOR') : t('roles.CAREGIVER')}</Td>
                <Td>{[l.permissions.view, l.permissions.logData, l.permissions.receiveAlerts].map(yesNo).join(' / ')}</Td>
                <Td><time dateTime={l.createdAt}>{format.format(new Date(l.createdAt))}</time></Td>
                <Td>
                  <ApiActionButton path={`/api/v1/admin/care-links/${l.id}`} method="DELETE" label={t('careLinks.end')} variant="danger" confirm={t('careLinks.endConfirm')} ariaLabel={t('careLinks.endOf', { patient: l.patient.name ?? t('careLinks.thePatient'), carer: l.carer.name ?? t('careLinks.theCarer') })} />
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}
