import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { I18nProvider } from '@/components/i18n-provider';
import { getLocale, getTimeZone } from '@/lib/i18n/server';
import { clientMessages } from '@/lib/i18n/messages';
import { APP_NAME, THEME_COLOR } from '@/lib/offline/app-identity';
import './globals.css';

export const metadata: Metadata = {
  title: 'Pulse — your health data, merged and private',
  description: 'A health data pipeline: devices sync, samples are deduplicated and aggregated, and you see one truth.',
  // The manifest (app/manifest.ts) is linked by Next.js itself; these are for browsers that read only tags.
  icons: { icon: '/icons/icon.svg', apple: '/icons/apple-touch-icon.png' },
  appleWebApp: { capable: true, title: APP_NAME, statusBarStyle: 'default' },
};

export const viewport: Viewport = { themeColor: THEME_COLOR };

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
