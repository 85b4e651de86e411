// /admin/outbox — development and demo mode only (404 elsewhere): the newest e-mails with their delivery
// status (attempts, the last error, the next attempt), each opening to its text and HTML.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DataTable, PageHeader, Td, Th } from '@/components/admin/table';
import { Card } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth/page-access';
import { findMe } from '@/lib/data/users';
import { listOutbox, outboxPageAvailable } from '@/lib/mail/outbox';
import { formatInstant, MailStatusBadge } from './_status';

export const metadata: Metadata = { title: 'Mail outbox · Admin · Pulse' };

const LINK = 'font-medium text-teal-800 underline hover:text-teal-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';

export default async function AdminOutboxPage() {
  if (!outboxPageAvailable()) notFound();
  const caller = await requirePageRole(['ADMIN']);
  const [{ timeZone }, messages] = await Promise.all([findMe(caller.id), listOutbox()]);
  return (
    <>
      <PageHeader title="Mail outbox">
        The newest {messages.length === 100 ? '100 ' : ''}e-mails and their delivery. Without SMTP configured they are written to the development outbox
        (.data/outbox) instead of being sent. Shown in development and demo mode only.
      </PageHeader>
      <Card>
        {messages.length === 0 ? (
          <p className="text-sm text-slate-700">No e-mail yet.</p>
        ) : (
          <DataTable
            caption="E-mails, newest first"
            head={<><Th>Queued</Th><Th>To</Th><Th>Subject</Th><Th>Status</Th><Th>Attempts</Th><Th>Last error</Th></>}
          >
            {messages.map((m) => (
              <tr key={m.id}>
                <Td className="whitespace-nowrap tabular-nums">{formatInstant(m.createdAt, timeZone)}</Td>
                <Td>{m.to ?? <span className="text-slate-600">(unreadable: account deleted)</span>}</Td>
                <Td><Link href={`/admin/outbox/${m.id}`} className={LINK}>{m.subject}</Link></Td>
                <Td>
                  <MailStatusBadge status={m.status} />
                  {m.status === 'QUEUED' && m.attempts > 0 && <span className="ml-2 text-xs text-slate-600">next {formatInstant(m.nextAttemptAt, timeZone)}</span>}
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
