// The language of this request, for pages: the signed-in person's preference; else the switcher's
// cookie; else the browser's Accept-Language; else English. Cached for the request.
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getCaller } from '../auth/session';
import { prisma } from '../db/client';
import { isLocale, LOCALE_COOKIE, requestLocale, type Locale } from './locales';
import { MESSAGES, type Messages } from './messages';
import { createTranslator } from 'use-intl/core';

/** The stored preference (null: never chosen, the browser decides). */
export async function findLanguage(userId: string): Promise<Locale | null> {
  const row = await prisma.userPreferences.findUnique({ where: { userId }, select: { language: true } });
  return isLocale(row?.language) ? row.language : null;
}

const getSignedIn = cache(async () => getCaller().catch(() => null));

export const getLocale = cache(async (): Promise<Locale> => {
  const caller = await getSignedIn();
  const preferred = caller ? await findLanguage(caller.id) : null;
  if (preferred) return preferred;
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return requestLocale(jar.get(LOCALE_COOKIE)?.value, head.get('accept-language'));
});

/** The signed-in person's time zone (UTC signed out: no page before signing in shows a personal time). */
export const getTimeZone = cache(async (): Promise<string> => {
  const caller = await getSignedIn();
  if (!caller) return 'UTC';
  const profile = await prisma.profile.findUnique({ where: { userId: caller.id }, select: { timeZone: true } });
  return profile?.timeZone ?? 'UTC';
});

export async function getMessages(): Promise<Messages> {
  return MESSAGES[await getLocale()];
}

/** `t` of one namespace for a server component. */
export async function getTranslations<N extends keyof Messages>(namespace: N) {
  const locale = await getLocale();
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}
