import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Pulse — your health data, merged and private',
  description: 'A health data pipeline: devices sync, samples are deduplicated and aggregated, and you see one truth.',
};

// Rendered per request: the CSP nonce (proxy.ts) is put on scripts only at request time, so a page
// prerendered at build time would have its scripts blocked.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
