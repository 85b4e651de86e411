// A stored message made ready to send (and to show in the outbox): address and data decrypted, the
// template rendered, the preferences link of optional mail in a List-Unsubscribe header as well.
import { env } from '../env';
import { decryptMailFields } from './fields';
import { isTemplateName, renderTemplate } from './templates';
import { preferencesUrl } from './templates/layout';
import type { OutgoingMail } from './transport';

type Stored = { id: string; userId: string; template: string; subject: string; optional: boolean; recipientCiphertext: string; dataCiphertext: string };

/** Throws when the message cannot be composed: unreadable (the account's keys are gone), unknown template, bad data. */
export async function composeMail(m: Stored): Promise<OutgoingMail> {
  if (!isTemplateName(m.template)) throw new Error(`unknown template "${m.template}"`);
  const { to, data } = await decryptMailFields(m);
  const { appUrl } = env().mail;
  const headers: Record<string, string> = m.optional ? { 'List-Unsubscribe': `<${preferencesUrl(appUrl)}>` } : {};
  return { id: m.id, to, subject: m.subject, headers, ...renderTemplate(m.template, data, { appUrl, optional: m.optional }) };
}
