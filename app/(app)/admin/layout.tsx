// The admin area: admins only (others go home), with the admin's time zone for every date shown.
// Each page checks the role again before reading data (a layout does not guard its pages' fetches).
import type { ReactNode } from 'react';
import { requirePageRole } from '@/lib/auth/page-access';
import { AdminTimeZone } from '@/components/admin/time-zone';
import { SectionMessages } from '@/components/section-messages';
import { findMe } from '@/lib/data/users';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const caller = await requirePageRole(['ADMIN']);
  const me = await findMe(caller.id);
  return (
    <SectionMessages section="admin">
      <AdminTimeZone timeZone={me.timeZone}>{children}</AdminTimeZone>
    </SectionMessages>
  );
}
