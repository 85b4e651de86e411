// The patient's own pages: others are redirected home here, above the loading state (see lib/auth/page-access.ts).
import type { ReactNode } from 'react';
import { SectionMessages } from '@/components/section-messages';
import { requirePageRole } from '@/lib/auth/page-access';

export default async function Layout({ children }: { children: ReactNode }) {
  await requirePageRole(['PATIENT']);
  return <SectionMessages section="patient">{children}</SectionMessages>;
}
