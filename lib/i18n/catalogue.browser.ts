// The browser's catalogue: only the messages the page's providers sent (the shell's and the section's
// namespaces, components/section-messages.tsx), registered by components/i18n-provider.tsx as it renders,
// before the components below it. translator() reads them here, so a client-side formatter words its text
// from the same messages as useTranslations, and a share page carries no text it does not show.
// lib/i18n/client-namespaces.test.ts fails when a client module reads a namespace its section lacks.
import type { Locale } from './locales';
import type { Messages } from './messages';

/** Per locale, the namespaces registered so far (a new object on each change: translator() caches by it). */
export const MESSAGES: Record<Locale, Messages> = {} as Record<Locale, Messages>;

export function registerMessages(locale: Locale, messages: Partial<Messages>): void {
  const current = MESSAGES[locale] as Partial<Messages> | undefined;
  const entries = Object.entries(messages) as [keyof Messages, unknown][];
  if (current && entries.every(([ns, value]) => current[ns] === value)) return;
  MESSAGES[locale] = { ...current, ...messages } as Messages;
}
