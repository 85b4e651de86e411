// GET /offline — the offline app shell (components/offline/offline-app.tsx). The service worker caches this
// page's HTML and answers it for any page that cannot be reached, so it must carry no health data and
// needs no session: it is the same for everyone but for the language (the reader's), and renders in the
// browser from what the device keeps, encrypted.
import type { Metadata } from 'next';
import { OfflineApp } from '@/components/offline/offline-app';
import { SectionMessages } from '@/components/section-messages';
import { getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('offline'))('shell.metaTitle'), robots: { index: false } };
}

export default function OfflinePage() {
  return (
    <SectionMessages section="offline">
      <OfflineApp />
    </SectionMessages>
  );
}
