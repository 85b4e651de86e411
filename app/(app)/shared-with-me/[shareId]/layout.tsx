// One received share decides access here, above its loading state: a share that is not the caller's,
// has ended, or does not exist is a real 404, audited (lib/auth/page-access.ts).
import type { ReactNode } from 'react';
import { requireReceivedSharePage } from '@/lib/auth/page-access';

export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ shareId: string }> }) {
  await requireReceivedSharePage((await params).shareId);
  return children;
}
