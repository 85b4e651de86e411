// The signed-in header: the role's sections, the notification bell (every role), who is signed in, sign
// out. Wraps on phone widths.
import Link from 'next/link';
import type { Role } from '@/lib/generated/prisma/enums';
import { getPageCaller } from '@/lib/auth/page-access';
import { countUnread } from '@/lib/data/notification-center';
import { outboxPageAvailable } from '@/lib/mail/outbox';
import { NotificationBell } from './notifications/notification-bell';
import { SignOutButton } from './sign-out-button';

const LINKS: Record<Role, [string, string][]> = {
  PATIENT: [['/dashboard', 'Today'], ['/trends', 'Trends'], ['/report', 'Report'], ['/timeline', 'Timeline'], ['/medications', 'Medications'], ['/labs', 'Labs'], ['/record', 'My record'], ['/questionnaires', 'Questionnaires'], ['/meals', 'Meals'], ['/entry', 'Log data'], ['/devices', 'Data sources'], ['/care-team', 'Care team'], ['/import', 'Import & export'], ['/settings', 'Settings']],
  DOCTOR: [['/doctor', 'Patients'], ['/shared-with-me', 'Shared with you']],
  CAREGIVER: [['/caregiver', 'People I care for'], ['/shared-with-me', 'Shared with you']],
  ADMIN: [['/admin', 'Overview'], ['/admin/users', 'Users'], ['/admin/doctors', 'Doctors'], ['/admin/devices', 'Devices'], ['/admin/shares', 'Shares'], ['/admin/care-links', 'Care links'], ['/admin/pipeline', 'Pipeline'], ['/admin/deliveries', 'Deliveries'], ['/admin/audit', 'Audit log']],
};

export async function AppNav({ role, name }: { role: Role; name: string }) {
  // The caller the layout checked (cached for the request); the bell starts from the count now.
  const caller = await getPageCaller();
  const unread = caller ? await countUnread(caller.id) : { unread: 0, emergencies: 0 };
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-teal-800">Pulse</Link>
        <nav aria-label="Main" className="flex flex-1 flex-wrap gap-x-4 gap-y-1 text-sm">
          {[...LINKS[role], ...(role === 'ADMIN' && outboxPageAvailable() ? [['/admin/outbox', 'Mail outbox']] : [])].map(([href, label]) => (
            <Link key={href} href={href} className="rounded px-1 py-0.5 text-slate-700 hover:text-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
              {label}
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-3 text-sm text-slate-700">
          <NotificationBell initial={unread} />
          <span data-testid="signed-in-as">{name}</span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
