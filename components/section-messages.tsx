// A section's messages for its client components: the shell's and the section's namespaces
// (lib/i18n/messages.ts SECTION_NAMESPACES), in the reader's language and time zone. Placed in each
// section's layout: client navigation into another section renders that section's layout, and with it
// the messages its pages need.
import type { ReactNode } from 'react';
import { I18nProvider } from '@/components/i18n-provider';
import { clientMessages, type Section } from '@/lib/i18n/messages';
import { getLocale, getTimeZone } from '@/lib/i18n/server';

export async function SectionMessages({ section, children }: { section: Section; children: ReactNode }) {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return (
    <I18nProvider locale={locale} messages={clientMessages(locale, section)} timeZone={timeZone}>
      {children}
    </I18nProvider>
  );
}
