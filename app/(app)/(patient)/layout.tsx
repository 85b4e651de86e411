// The patient's own pages: others are redirected home here, above the loading state (see lib/auth/page-access.ts).
// OfflineRoot: the offline app (service worker, the queue of entries and doses logged offline).
import type { ReactNode } from 'react';
import { OfflineRoot } from '@/components/offline/offline-root';
import { SectionMessages } from '@/components/section-messages';
import { requirePageRole } from '@/lib/auth/page-access';

export default async function Layout({ children }: { children: ReactNode }) {
  const caller = await requirePageRole(['PATIENT']);
  return (
    <SectionMessages section="patient">
      <OfflineRoot userId={caller.id}>{children}</OfflineRoot>
    </SectionMessages>
  );
}
