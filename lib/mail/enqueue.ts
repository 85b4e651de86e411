// Queues an e-mail: one row in mail_messages, written with the caller's transaction client so the
// message exists exactly when the change that caused it commits. The mail job delivers it (lib/mail/
// deliver.ts): within a minute by its schedule, at once when the route dispatches MAIL_DELIVERY_EVENT
// after its response, e.g. `after(() => dispatch([MAIL_DELIVERY_EVENT]))`.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client';
import type { PipelineEvent } from '../jobs/events';
import { encryptMailFields } from './fields';
import { storedSubject, TEMPLATES, type TemplateData, type TemplateName } from './templates';

type Db = Pick<Prisma.TransactionClient, 'mailMessage'>;

export type MailRequest<T extends TemplateName> = {
  to: string;
  template: T;
  data: TemplateData<T>;
  /**
   * The account the message concerns: the recipient's own, or for someone without an account (an
   * invitation) the sender's. Its data key encrypts the address and data; deleting it deletes the message.
   */
  userId: string;
  /** Optional mail (not needed to use the account) carries a link to turn it off. */
  optional?: boolean;
  /** Not before this time (default: now). */
  sendAt?: Date;
  /** The notification this message delivers (its e-mail channel). */
  notificationId?: string;
};

export const MAIL_DELIVERY_EVENT = { key: 'mailRequested', data: {} } as const satisfies PipelineEvent;

const address = z.email();

/** Throws (a programming error, not the caller's input) when the address or the data is not valid. */
export async function enqueueMail<T extends TemplateName>(db: Db, request: MailRequest<T>): Promise<{ id: string }> {
  const template = TEMPLATES[request.template];
  const to = address.parse(request.to.trim());
  const data: unknown = template.schema.parse(request.data);
  const id = randomUUID();
  await db.mailMessage.create({
    data: {
      id,
      userId: request.userId,
      ...(await encryptMailFields(request.userId, id, to, data)),
      template: request.template,
      subject: storedSubject(request.template),
      optional: request.optional ?? false,
      nextAttemptAt: request.sendAt ?? new Date(),
      notificationId: request.notificationId ?? null,
    },
  });
  return { id };
}
