// /admin/outbox/:id — one e-mail as it reads (text, and HTML in a sandboxed frame), with its delivery.
// Development and demo mode only (404 elsewhere); each view is audited, since a message may hold a
// single-use link of someone's account.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/admin/table';
import { Card } from '@/components/ui/card';
import { auditPageView } from '@/lib/audit/page-view';
import { requirePageRole } from '@/lib/auth/page-access';
import { findMe } from '@/lib/data/users';
import { getLocale, getTranslations } from '@/lib/i18n/server';
import { findOutboxMessage, outboxPageAvailable } from '@/lib/mail/outbox';
import { formatInstant, MailStatusBadge } from '../_status';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('meta', { page: t('outbox.messageTitle') }) };
}

const LINK = 'text-teal-800 underline hover:text-teal-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';

/** The plain-text part with its web addresses as links (React escapes the rest). */
function TextWithLinks({ text }: { text: string }) {
  return text.split(/(https?:\/\/[^\s<>"]+)/).map((part, i) => (i % 2 ? <a key={i} href={part} className={LINK}>{part}</a> : part));
}

export default async function AdminOutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!outboxPageAvailable()) notFound();
  const caller = await requirePageRole(['ADMIN']);
  const { id } = await params;
  const view = { action: 'page.read-mail', page: '/admin/outbox/[id]', actorUserId: caller.id, subject: { kind: 'mail', id } } as const;
  const message = await auditPageView(view, () => findOutboxMessage(id));
  if (!message) notFound();
  const [{ timeZone }, locale, t] = await Promise.all([findMe(caller.id), getLocale(), getTranslations('admin')]);
  const facts: [string, ReactNode][] = [
    [t('outbox.fields.to'), message.to ?? t('outbox.unreadable')],
    [t('outbox.fields.status'), <MailStatusBadge key="s" status={message.status} />],
    [t('outbox.fields.attempts'), message.attempts],
    [t('outbox.fields.lastError'), message.lastError ?? '—'],
    [t('outbox.fields.queued'), formatInstant(message.createdAt, timeZone, locale)],
    [t('outbox.fields.sent'), formatInstant(message.sentAt, timeZone, locale)],
    ['Message-ID', message.messageId ?? '—'],
  ];
  return (
    <div className="space-y-4">
      <nav aria-label={t('outbox.breadcrumb')} className="text-sm">
        <Link href="/admin/outbox" className={LINK}>{t('outbox.back')}</Link>
      </nav>
      <PageHeader title={message.subject}>{t('outbox.template', { template: message.template })}</PageHeader>
      <Card title={t('outbox.delivery')}>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-medium text-slate-700">{term}</dt>
              <dd className="break-words text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {message.text === null || message.html === null ? (
        <Card title={t('outbox.message')}><p className="text-sm text-slate-700">{t('outbox.deleted')}</p></Card>
      ) : (
        <>
          <Card title={t('outbox.text')}>
            <pre data-testid="mail-text" className="whitespace-pre-wrap break-words font-sans text-sm text-slate-900"><TextWithLinks text={message.text} /></pre>
          </Card>
          <Card title={t('outbox.html')}>
            {/* No scripts, no navigation: the frame only shows the message. */}
            <iframe title={t('outbox.htmlPart')} sandbox="" srcDoc={message.html} className="h-[32rem] w-full rounded border border-slate-200 bg-white" />
          </Card>
        </>
      )}
    </div>
  );
}
