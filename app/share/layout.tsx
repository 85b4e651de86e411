// What a link share's reader sees (no account): the share section's messages only, so the page carries
// no text of types outside the share's scope.
import type { ReactNode } from 'react';
import { SectionMessages } from '@/components/section-messages';

export default function Layout({ children }: { children: ReactNode }) {
  return <SectionMessages section="share">{children}</SectionMessages>;
}
