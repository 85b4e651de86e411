// The signed-in area: every page below requires a session (the data functions check access again).
import { signInPath } from '@/lib/auth/page-path';
import { redirect } from 'next/navigation';
import type { Viewport } from 'next';
import type { ReactNode } from 'react';
import { AppNav } from '@/components/app-nav';
import { Providers } from '@/components/providers';
import { SectionMessages } from '@/components/section-messages';
import { getPageCaller } from '@/lib/auth/page-access';
import { findMe } from '@/lib/data/users';

export const dynamic = 'force-dynamic';
// The page may draw under a phone's rounded corners and home indicator: the bottom bar pads itself by
// the safe-area inset (components/nav/phone-nav.tsx), which is 0 unless the viewport says `cover`.
export const viewport: Viewport = { viewportFit: 'cover' };

export default async function AppLayout({ children }: { children: ReactNode }) {
  const caller = await getPageCaller();
  if (!caller) redirect(await signInPath());
  const me = await findMe(caller.id);
  return (
    <SectionMessages section="signedIn">
      <Providers>
        <AppNav role={caller.role} name={me.name ?? me.email} />
        {/* Below md the fixed bottom bar covers the last ~4 rem: the page ends above it. */}
        <main className="mx-auto max-w-6xl px-4 pt-6 pb-[calc(6rem+env(safe-area-inset-bottom))] md:pb-6">{children}</main>
      </Providers>
    </SectionMessages>
  );
}
