// The signed-in header: the role's sections, the notification bell (every role), who is signed in, sign
// out. Below md a phone gets a compact top bar (name, bell, Menu) and a bottom bar instead
// (components/nav/phone-nav.tsx); the bell is one element for both, so its test id stays unique.
import Link from 'next/link';
import type { Role } from '@/lib/generated/prisma/enums';
import { getPageCaller } from '@/lib/auth/page-access';
import { countUnread } from '@/lib/data/notification-center';
import { outboxPageAvailable } from '@/lib/mail/outbox';
import { NotificationBell } from './notifications/notification-bell';
import { SignOutButton } from './sign-out-button';
import { LanguageSwitcher } from './language-switcher';
import { PhoneBottomBar, PhoneMenu } from './nav/phone-nav';
import { desktopLinks, phonePlaces } from './nav/places';
import { getTranslations } from '@/lib/i18n/server';

export async function AppNav({ role, name }: { role: Role; name: string }) {
  // The caller the layout checked (cached for the request); the bell starts from the count now.
  const caller = await getPageCaller();
  const unread = caller ? await countUnread(caller.id) : { unread: 0, emergencies: 0 };
  const t = await getTranslations('nav');
  const links = desktopLinks(role, outboxPageAvailable());
  const phone = phonePlaces(role, outboxPageAvailable());
  const all = [...phone.bottom, ...phone.menu];
  return (
    <>
      <header className="relative z-30 border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold text-teal-800">{t('app')}</Link>
          <nav aria-label={t('main')} className="hidden flex-1 flex-wrap gap-x-4 gap-y-1 text-sm md:flex">
            {links.map(({ href, key }) => (
              <Link key={href} href={href} className="rounded px-1 py-0.5 text-slate-700 hover:text-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
                {t(`links.${key}`)}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm text-slate-700 md:ml-0">
            <NotificationBell initial={unread} />
            <span data-testid="signed-in-as" className="hidden md:inline">{name}</span>
            <LanguageSwitcher signedIn className="hidden md:block" />
            <span className="hidden md:inline">
              <SignOutButton />
            </span>
            <PhoneMenu places={phone.menu} all={all} name={name} />
          </div>
        </div>
      </header>
      <PhoneBottomBar places={phone.bottom} all={all} />
    </>
  );
}
