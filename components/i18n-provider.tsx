'use client';

// The request's language, its messages and the person's time zone for client components
// (useTranslations, useFormatter: a date is formatted in the person's zone, never the browser's).
import { registerMessages } from '#i18n/catalogue';
import type { ReactNode } from 'react';
import { IntlProvider } from 'use-intl';
import type { Locale } from '@/lib/i18n/locales';
import type { clientMessages } from '@/lib/i18n/messages';

export function I18nProvider({ locale, messages, timeZone, children }: { locale: Locale; messages: ReturnType<typeof clientMessages>; timeZone: string; children: ReactNode }) {
  // For translator() in client-side formatters (lib/i18n/catalogue.browser.ts): registered as the provider
  // renders, so before the components below it; idempotent (nothing changes when rendered again).
  registerMessages(locale, messages);
  return (
    <IntlProvider locale={locale} messages={messages} timeZone={timeZone}>
      {children}
    </IntlProvider>
  );
}
