'use client';

// The request's language and its messages for client components (useTranslations). Dates are formatted
// with the person's zone passed explicitly, so no default zone is set here.
import type { ReactNode } from 'react';
import { IntlProvider } from 'use-intl';
import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';

export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} messages={messages}>
      {children}
    </IntlProvider>
  );
}
