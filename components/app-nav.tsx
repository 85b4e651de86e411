// The signed-in header: the role's sections, the notification bell (every role), who is signed in, sign
// out. Wraps on phone widths.
import Link from 'next/link';
import type { Role } from '@/lib/generated/prisma/enums';
import { getPageCaller } from '@/lib/auth/page-access';
import { countUnread } from '@/lib/data/notification-center';
import { outboxPageAvailable } from '@/lib/mail/outbox';
import { NotificationBell } from './notifications/notification-bell';
import { SignOutButton } from './sign-out-button';
import { LanguageSwitcher } from './language-switcher';
import { getTranslations } from '@/lib/i18n/server';
import type { Messages } from '@/lib/i18n/messages';

type LinkKey = keyof Messages['nav']['links'];
const LINKS: Record<Role, [string, LinkKey][]> = {
  PATIENT: [['/dashboard', 'dashboard'], ['/trends', 'trends'], ['/report', 'report'], ['/timeline', 'timeline'], ['/medications', 'medications'], ['/labs', 'labs'], ['/record', 'record'], ['/questionnaires', 'questionnaires'], ['/meals', 'meals'], ['/entry', 'entry'], ['/devices', 'devices'], ['/care-team', 'careTeam'], ['/import', 'import'], ['/settings', 'settings']],
  DOCTOR: [['/doctor', 'patients'], ['/shared-with-me', 'sharedWithMe']],
  CAREGIVER: [['/caregiver', 'caredFor'], ['/shared-with-me', 'sharedWithMe']],
  ADMIN: [['/admin', 'adminOverview'], ['/admin/users', 'adminUsers'], ['/admin/doctors', 'adminDoctors'], ['/admin/devices', 'adminDevices'], ['/admin/shares', 'adminShares'], ['/admin/care-links', 'adminCareLinks'], ['/admin/pipeline', 'adminPipeline'], ['/admin/deliveries', 'adminDeliveries'], ['/admin/audit', 'adminAudit']],
};

export async function AppNav({ role, name }: { role: Role; name: string }) {
  // The caller the layout checked (cached for the request); the bell starts from the count now.
  const caller = await getPageCaller();
  const unread = caller ? await countUnread(caller.id) : { unread: 0, emergencies: 0 };
  const t = await getTranslations('nav');
  const links: [string, LinkKey][] = [...LINKS[role], ...(role === 'ADMIN' && outboxPageAvailable() ? [['/admin/outbox', 'adminOutbox'] as [string, LinkKey]] : [])];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-teal-800">{t('app')}</Link>
        <nav aria-label={t('main')} className="flex flex-1 flex-wrap gap-x-4 gap-y-1 text-sm">
          {links.map(([href, key]) => (
            <Link key={href} href={href} className="rounded px-1 py-0.5 text-slate-700 hover:text-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
              {t(`links.${key}`)}
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-3 text-sm text-slate-700">
          <NotificationBell initial={unread} />
          <span data-testid="signed-in-as">{name}</span>
          <LanguageSwitcher signedIn />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
