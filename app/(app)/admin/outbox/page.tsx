// /admin/outbox — development and demo mode only (404 elsewhere): the newest e-mails with their delivery
// status (attempts, the last error, the next attempt), each opening to its text and HTML.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DataTable, PageHeader, Td, Th } from '@/components/admin/table';
import { Card } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth/page-access';
import { findMe } from '@/lib/data/users';
import { getLocale, getTranslations } from '@/lib/i18n/server';
import { listOutbox, outboxPageAvailable } from '@/lib/mail/outbox';
import { formatInstant, MailStatusBadge } from './_status';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('meta', { page: t('outbox.title') }) };
}

const LINK = 'font-medium text-teal-800 underline hover:text-teal-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';

export default async function AdminOutboxPage() {
  if (!outboxPageAvailable()) notFound();
  const caller = await requirePageRole(['ADMIN']);
  const [{ timeZone }, messages, locale, t] = await Promise.all([findMe(caller.id), listOutbox(), getLocale(), getTranslations('admin')]);
  // The subject is the English one stored with the queued message (README, Languages).
  return (
    <>
      <PageHeader title={t('outbox.title')}>{messages.length === 100 ? t('outbox.intro100') : t('outbox.intro')}</PageHeader>
      <Card>
        {messages.length === 0 ? (
          <p className="text-sm text-slate-700">{t('outbox.empty')}</p>
        ) : (
          <DataTable
            caption={t('outbox.caption')}
            head={<><Th>{t('outbox.fields.queued')}</Th><Th>{t('outbox.fields.to')}</Th><Th>{t('outbox.fields.subject')}</Th><Th>{t('outbox.fields.status')}</Th><Th>{t('outbox.fields.attempts')}</Th><Th>{t('outbox.fields.lastError')}</Th></>}
          >
            {messages.map((m) => (
              <tr key={m.id}>
                <Td className="whitespace-nowrap tabular-nums">{formatInstant(m.createdAt, timeZone, locale)}</Td>
                <Td>{m.to ?? <span className="text-slate-600">{t('outbox.unreadable')}</span>}</Td>
                <Td><Link href={`/admin/outbox/${m.id}`} className={LINK}>{m.subject}</Link></Td>
                <Td>
                  <MailStatusBadge status={m.status} />
                  {m.status === 'QUEUED' && m.attempts > 0 && <span className="ml-2 text-xs text-slate-600">{t('outbox.next', { time: formatInstant(m.nextAttemptAt, timeZone, locale) })}</span>}
                </Td>
                <Td className="tabular-nums">{m.attempts}</Td>
                <Td className="max-w-xs break-words text-xs">{m.lastError ?? '—'}</Td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}
