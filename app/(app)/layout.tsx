// The signed-in area: every page below requires a session (the data functions check access again).
import { signInPath } from '@/lib/auth/page-path';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppNav } from '@/components/app-nav';
import { Providers } from '@/components/providers';
import { getPageCaller } from '@/lib/auth/page-access';
import { findMe } from '@/lib/data/users';

export const dynamic = 'force-dynamic';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const caller = await getPageCaller();
  if (!caller) redirect(await signInPath());
  const me = await findMe(caller.id);
  return (
    <Providers>
      <AppNav role={caller.role} name={me.name ?? me.email} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </Providers>
  );
}
