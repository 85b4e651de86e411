// Where a rendered message goes: an SMTP server (nodemailer), or the development outbox, one JSON file
// per message under MAIL_OUTBOX_DIR (git-ignored .data/outbox) with both parts, for development and
// demo mode. Delivery takes the transport as a parameter, so tests point it at their own SMTP server.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';
import { env } from '../env';

export type OutgoingMail = { id: string; to: string; subject: string; text: string; html: string; headers: Record<string, string> };

/** Sends one message from its configured sender; resolves with the Message-ID, rejects with the reason. */
export type MailTransport = { kind: 'smtp' | 'outbox'; send(mail: OutgoingMail): Promise<{ messageId: string }> };

/** The Message-ID of a queued message: the same on every attempt, so a resend after a crash is one message. */
export const messageIdOf = (id: string, from: string) => `<${id}@${/@([^>\s]+)/.exec(from)?.[1] ?? 'pulse.localhost'}>`;

// Short enough that a hung server cannot outlast the sender's claim on the message (lib/mail/deliver.ts).
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** SMTP via nodemailer: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://… (TLS). */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = createTransport(new SMTPTransport({ url, ...TIMEOUTS }));
  return {
    kind: 'smtp',
    async send({ id, to, subject, text, html, headers }) {
      const info = await transporter.sendMail({ from, to, subject, text, html, headers, messageId: messageIdOf(id, from) });
      return { messageId: info.messageId };
    },
  };
}

/** The development outbox: <dir>/<message id>.json, written whole (temporary file, then renamed). */
export function outboxTransport(dir: string, from: string): MailTransport {
  return {
    kind: 'outbox',
    async send(mail) {
      const messageId = messageIdOf(mail.id, from);
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${mail.id}.json`);
      await writeFile(`${file}.tmp`, JSON.stringify({ ...mail, from, messageId, writtenAt: new Date().toISOString() }, null, 2));
      await rename(`${file}.tmp`, file);
      return { messageId };
    },
  };
}

/** The transport the environment configures. */
export function configuredTransport(): MailTransport {
  const { transport } = env().mail;
  return transport.kind === 'smtp' ? smtpTransport(transport.url, transport.from) : outboxTransport(transport.dir, transport.from);
}
