// Every locale's messages, for the server (e-mail, push, PDF, route handlers, server components and the
// server rendering of client components). The browser never loads this file: package.json "imports"
// maps #i18n/catalogue to catalogue.browser.ts under the "browser" condition, so no client bundle carries
// the seven catalogues (lib/i18n/client-bundle.test.ts checks that no client module reaches them).
import bn from '@/messages/bn.json';
import en from '@/messages/en.json';
import gu from '@/messages/gu.json';
import hi from '@/messages/hi.json';
import mr from '@/messages/mr.json';
import ta from '@/messages/ta.json';
import te from '@/messages/te.json';
import type { Locale } from './locales';

export const MESSAGES: Record<Locale, typeof en> = { en, hi, ta, te, bn, mr, gu };

/** Nothing to do on the server: it has every message already (see catalogue.browser.ts). */
export const registerMessages: (locale: Locale, messages: Partial<typeof en>) => void = () => {};
