// Reading the account e-mails a test caused, as the recipient would: the queued messages to an address
// (mail_messages, decrypted), rendered with their template, and the single-use link in their text.
import { emailIndex } from '@/lib/crypto/blind-index';
import { prisma } from '@/lib/db/client';
import { decryptMailFields } from '@/lib/mail/fields';
import { renderTemplate, type TemplateName } from '@/lib/mail/templates';
import { fetchFrom, randomLoopback } from './from-address';

/** The text of every message of `template` queued to `email`, oldest first. */
export async function mailsTo(email: string, template: TemplateName): Promise<string[]> {
  const rows = await prisma.mailMessage.findMany({ where: { recipientIndex: emailIndex(email), template }, orderBy: { createdAt: 'asc' } });
  return Promise.all(
    rows.map(async (m) => renderTemplate(template, (await decryptMailFields(m)).data, { appUrl: 'https://pulse.test.example', optional: m.optional }).text),
  );
}

/** The token of the last `path?token=…` link in the newest message of `template` to `email`. */
export async function linkToken(email: string, template: TemplateName, path: '/verify-email' | '/reset-password'): Promise<string> {
  const texts = await mailsTo(email, template);
  const match = [...(texts.at(-1) ?? '').matchAll(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`, 'g'))].at(-1);
  if (!match) throw new Error(`no ${path} link in a ${template} message to ${email}`);
  return match[1]!;
}

/** A JSON POST from a loopback address of the caller's own (its rate limits are its own). */
export function postFrom(ip: string, path: string, json: unknown, cookie?: string) {
  return fetchFrom(ip, path, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(json) });
}

export { randomLoopback };
