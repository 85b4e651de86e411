// The caregiver's page of one person decides access here, above its loading state: someone without an
// active link of the caregiver's (or no such person) is a real 404, audited (lib/auth/page-access.ts).
import type { ReactNode } from 'react';
import { requireCarerPagePatient } from '@/lib/auth/page-access';

export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ patientId: string }> }) {
  await requireCarerPagePatient('CAREGIVER', (await params).patientId);
  return children;
}
