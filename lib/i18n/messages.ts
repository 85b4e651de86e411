// Every locale's messages, bundled (a few KB each). English is the source: the parity test
// (lib/i18n/messages.test.ts) fails when another locale lacks a key or a placeholder, or has one more.
import bn from '@/messages/bn.json';
import en from '@/messages/en.json';
import gu from '@/messages/gu.json';
import hi from '@/messages/hi.json';
import mr from '@/messages/mr.json';
import ta from '@/messages/ta.json';
import te from '@/messages/te.json';
import { createTranslator } from 'use-intl/core';
import type { Locale } from './locales';

export type Messages = typeof en;
export const MESSAGES: Record<Locale, Messages> = { en, hi, ta, te, bn, mr, gu };

/**
 * A translator for one locale outside a page (e-mail, push, a PDF): the person's own language, not the
 * request's. A key missing at run time prints the key's path rather than throwing.
 */
export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}

/**
 * The namespaces client components read (useTranslations): only these go into every page's payload. The
 * rest (e-mail, push, health type names, server-only pages) stays on the server, so a page never carries
 * text it does not show (a share of steps must not spell out the other types). lib/i18n/client-namespaces
 * .test.ts fails when a client component reads a namespace missing here.
 */
export const CLIENT_NAMESPACES = ['common', 'nav', 'login', 'signup', 'charts', 'patientPages', 'dashboard', 'trends', 'devices'] as const satisfies readonly (keyof Messages)[];

export function clientMessages(locale: Locale): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  const all = MESSAGES[locale];
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, all[ns]])) as Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;
}
