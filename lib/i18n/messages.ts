// Every locale's messages: on the server, all of them (catalogue.ts: a person's own language for e-mail,
// push, a PDF); in the browser, only those the page's providers sent (catalogue.browser.ts, chosen by
// package.json "imports" under the "browser" condition), so no client bundle carries a catalogue.
// English is the source: the parity test (lib/i18n/messages.test.ts) fails when another locale lacks a key
// or a placeholder, or has one more.
import { MESSAGES } from '#i18n/catalogue';
import { createTranslator } from 'use-intl/core';
import type { Locale } from './locales';

export type Messages = (typeof MESSAGES)['en'];
export { MESSAGES };

/**
 * A translator for one locale outside a page (e-mail, push, a PDF): the person's own language, not the
 * request's. A key missing at run time prints the key's path rather than throwing. Formatters that client
 * components call use it too: in the browser it reads the messages the page's providers sent, so their
 * namespaces must be in the section's (lib/i18n/client-namespaces.test.ts follows those calls).
 */
export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  const key = `${locale}:${namespace}`;
  const messages = MESSAGES[locale];
  let entry = translators.get(key);
  if (entry?.messages !== messages) translators.set(key, (entry = { messages, t: createTranslator({ locale, messages, namespace }) }));
  return entry.t as ReturnType<typeof createTranslator<Messages, N>>;
}
// One per locale and namespace: formatters call translator() per value, and a translator keeps its own
// Intl formatter cache. Made again when the locale's messages change (in the browser, a provider
// registered more namespaces).
const translators = new Map<string, { messages: Messages; t: unknown }>();

/**
 * The namespaces client code reads (useTranslations, and translator() in the formatters client components
 * call: in the browser it has only these), by the part of the app that renders them:
 * a page carries only the shell's and its section's (components/section-messages.tsx in each section's
 * layout), so a patient's page does not carry the admin's texts, and a share page never carries text it
 * does not show (a share of steps must not spell out the other types). lib/i18n/client-namespaces.test.ts
 * follows each section's imports and fails when a client component reads a namespace its section lacks.
 */
export const SHELL_NAMESPACES = ['common', 'nav', 'login', 'signup', 'ui'] as const satisfies readonly (keyof Messages)[];
const PATIENT_NAMESPACES = [
  'charts', 'patientPages', 'dashboard', 'trends', 'devices', 'nightscout', 'medications', 'labs', 'meals', 'questionnaires', 'careTeam',
  'sharing', 'timeline', 'entry', 'record', 'importData', 'glucose', 'types', 'emergencies', 'formats', 'doses', 'offline',
] as const satisfies readonly (keyof Messages)[];
export const SECTION_NAMESPACES = {
  /** The pages before signing in (password reset, e-mail confirmation, two-factor enrolment, whose sign-out button warns of entries still waiting: `offline`). */
  public: ['authPages', 'account', 'settings', 'offline'],
  /** app/(app): the signed-in header and the pages directly below it (settings, notifications); `offline`: signing out warns of entries still waiting. */
  signedIn: ['settings', 'account', 'push', 'glucose', 'notificationCenter', 'formats', 'offline'],
  patient: PATIENT_NAMESPACES,
  doctor: ['charts', 'doctor', 'medications', 'labs', 'meals', 'questionnaires', 'careTeam', 'record', 'glucose', 'types', 'emergencies', 'formats', 'triage'],
  caregiver: ['charts', 'doctor', 'caregiver', 'medications', 'entry', 'glucose', 'types', 'emergencies', 'formats', 'offline'],
  admin: ['admin', 'account'],
  sharedWithMe: ['charts', 'sharing'],
  /** app/share and app/shared: what a link share's reader sees. */
  share: ['charts', 'sharing'],
  /** app/offline: the offline app shell shows the patient's pages from the browser's encrypted store. */
  offline: PATIENT_NAMESPACES,
} as const satisfies Record<string, readonly (keyof Messages)[]>;
export type Section = keyof typeof SECTION_NAMESPACES;
type ClientNamespace = (typeof SHELL_NAMESPACES)[number] | (typeof SECTION_NAMESPACES)[Section][number];

export function clientMessages(locale: Locale, section: Section): Partial<Pick<Messages, ClientNamespace>> {
  const all = MESSAGES[locale];
  const namespaces: readonly ClientNamespace[] = [...SHELL_NAMESPACES, ...SECTION_NAMESPACES[section]];
  return Object.fromEntries(namespaces.map((ns) => [ns, all[ns]]));
}
