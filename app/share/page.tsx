// /share — the page of a share link, /share#code: the code is in the fragment, which browsers never send,
// so it reaches no access log; the page's script exchanges it (share-opener.tsx). No sign-in: the link
// is the permission.
import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { ShareOpener } from './share-opener';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('sharing'))('viewer.metaTitle'), referrer: 'no-referrer', robots: { index: false, follow: false } };
}

export default async function SharePage() {
  const t = await getTranslations('sharing');
  return (
    <main className="mx-auto max-w-xl space-y-3 px-4 py-16">
      <p className="text-sm font-semibold text-teal-800">{t('viewer.eyebrow')}</p>
      <ShareOpener />
      <noscript>
        <p className="text-slate-700">{t('viewer.noscript')}</p>
      </noscript>
    </main>
  );
}
