import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { I18nProvider } from '@/components/i18n-provider';
import { getLocale, getTimeZone } from '@/lib/i18n/server';
import { clientMessages } from '@/lib/i18n/messages';
import './globals.css';

export const metadata: Metadata = {
  title: 'Pulse — your health data, merged and private',
  description: 'A health data pipeline: devices sync, samples are deduplicated and aggregated, and you see one truth.',
};

// Rendered per request: the CSP nonce (proxy.ts) is put on scripts only at request time, so a page
// prerendered at build time would have its scripts blocked. The language is the reader's
// (lib/i18n/server.ts): the page's URL is the same in every language.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <I18nProvider locale={locale} messages={clientMessages(locale, 'public')} timeZone={timeZone}>
          {children}
        </I18nProvider>
      </body>
    </html>
  );
}
