// What the test server's mail job delivered through SMTP to the SMTP server of the test run
// (test/global-setup.ts writes each message it receives to TEST_MAIL_DIR): read as the recipient would.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export type DeliveredMail = { from: string; to: string[]; headers: Record<string, string>; parts: Record<string, string> };

/**
 * The newest delivered message to `to` whose plain text contains `containing`, waiting for the mail
 * job (the routes ask for a delivery at once; its schedule runs every minute).
 */
export async function receivedMail(to: string, containing: string | RegExp, timeoutMs = 90_000): Promise<DeliveredMail & { text: string }> {
  const dir = process.env.TEST_MAIL_DIR;
  if (!dir) throw new Error('TEST_MAIL_DIR is not set (test/global-setup.ts)');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort().reverse();
    for (const file of files) {
      const mail = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as DeliveredMail;
      const text = mail.parts['text/plain'] ?? '';
      const matches = typeof containing === 'string' ? text.includes(containing) : containing.test(text);
      if (mail.to.includes(to) && matches) return { ...mail, text };
    }
    if (Date.now() > deadline) throw new Error(`no message to ${to} containing ${containing} was delivered`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The last capture of `pattern` (its first group) in a delivered message's text. */
export function linkIn(mail: { text: string }, pattern: RegExp): string {
  const match = [...mail.text.matchAll(new RegExp(pattern, 'g'))].at(-1);
  if (!match?.[1]) throw new Error(`no link like ${pattern} in: ${mail.text.slice(0, 300)}`);
  return match[1];
}
