// A stored message made ready to send (and to show in the outbox): address and data decrypted, the
// template rendered in the reader's language, the preferences link of optional mail in a
// List-Unsubscribe header as well. The stored subject is the English label of the admin's outbox list;
// the subject sent is the reader's.
import { emailIndex } from '../crypto/blind-index';
import { prisma } from '../db/client';
import { env } from '../env';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { findLanguage } from '../i18n/server';
import { decryptMailFields } from './fields';
import { isTemplateName, renderTemplate } from './templates';
import { preferencesUrl } from './templates/layout';
import type { OutgoingMail } from './transport';

type Stored = { id: string; userId: string; template: string; subject: string; optional: boolean; recipientCiphertext: string; dataCiphertext: string };

/**
 * The language a message is written in: that of the person who reads it. That is the verified account
 * the address belongs to, when there is one (an invitation to someone who already uses Pulse); else the
 * account the message concerns (`userId`: the recipient's own for account mail and notifications; for
 * an invitation to an address without an account, the inviter's, the best guess at a language the two
 * share). A preference never chosen, or none to be found, is English.
 */
export async function readerLocale(userId: string, to: string): Promise<Locale> {
  const holder = await prisma.user.findUnique({ where: { emailIndex: emailIndex(to) }, select: { id: true, emailVerifiedAt: true } });
  const reader = holder?.emailVerifiedAt ? holder.id : userId;
  return (await findLanguage(reader)) ?? DEFAULT_LOCALE;
}

/** Throws when the message cannot be composed: unreadable (the account's keys are gone), unknown template, bad data. */
export async function composeMail(m: Stored): Promise<OutgoingMail> {
  if (!isTemplateName(m.template)) throw new Error(`unknown template "${m.template}"`);
  const { to, data } = await decryptMailFields(m);
  const { appUrl } = env().mail;
  const locale = await readerLocale(m.userId, to);
  const headers: Record<string, string> = m.optional ? { 'List-Unsubscribe': `<${preferencesUrl(appUrl)}>` } : {};
  return { id: m.id, to, headers, ...renderTemplate(m.template, data, { appUrl, optional: m.optional, locale }) };
}
