// The doctor's page of one patient decides access here, above its loading state: a patient without an
// active link of the doctor's (or no such patient) is a real 404, audited (lib/auth/page-access.ts).
import type { ReactNode } from 'react';
import { requireCarerPagePatient } from '@/lib/auth/page-access';

export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ patientId: string }> }) {
  await requireCarerPagePatient('DOCTOR', (await params).patientId);
  return children;
}
