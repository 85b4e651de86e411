// /share — the page of a share link, /share#code: the code is in the fragment, which browsers never send,
// so it reaches no access log; the page's script exchanges it (share-opener.tsx). No sign-in: the link
// is the permission.
import type { Metadata } from 'next';
import { ShareOpener } from './share-opener';

export const metadata: Metadata = { title: 'Shared health data · Pulse', referrer: 'no-referrer', robots: { index: false, follow: false } };

export default function SharePage() {
  return (
    <main className="mx-auto max-w-xl space-y-3 px-4 py-16">
      <p className="text-sm font-semibold text-teal-800">Pulse · shared with you</p>
      <ShareOpener />
      <noscript>
        <p className="text-slate-700">Opening a shared link needs JavaScript: turn it on, then open the link again.</p>
      </noscript>
    </main>
  );
}
