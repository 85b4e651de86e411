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
import { findOutboxMessage, outboxPageAvailable } from '@/lib/mail/outbox';
import { formatInstant, MailStatusBadge } from '../_status';

export const metadata: Metadata = { title: 'E-mail · Mail outbox · Admin · Pulse' };

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
  const { timeZone } = await findMe(caller.id);
  const facts: [string, ReactNode][] = [
    ['To', message.to ?? '(unreadable: account deleted)'],
    ['Status', <MailStatusBadge key="s" status={message.status} />],
    ['Attempts', message.attempts],
    ['Last error', message.lastError ?? '—'],
    ['Queued', formatInstant(message.createdAt, timeZone)],
    ['Sent', formatInstant(message.sentAt, timeZone)],
    ['Message-ID', message.messageId ?? '—'],
  ];
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/outbox" className={LINK}>← Mail outbox</Link>
      </nav>
      <PageHeader title={message.subject}>Template “{message.template}”.</PageHeader>
      <Card title="Delivery">
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
        <Card title="Message"><p className="text-sm text-slate-700">The message can no longer be read: its account was deleted.</p></Card>
      ) : (
        <>
          <Card title="Text">
            <pre data-testid="mail-text" className="whitespace-pre-wrap break-words font-sans text-sm text-slate-900"><TextWithLinks text={message.text} /></pre>
          </Card>
          <Card title="HTML">
            {/* No scripts, no navigation: the frame only shows the message. */}
            <iframe title="The HTML part" sandbox="" srcDoc={message.html} className="h-[32rem] w-full rounded border border-slate-200 bg-white" />
          </Card>
        </>
      )}
    </div>
  );
}
