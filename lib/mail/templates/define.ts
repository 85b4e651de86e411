// A template: its subject, the schema of its data (checked when queued and again when sent) and its
// text, both in the reader's language (the `mail` messages of messages/<locale>.json, through `t`). The
// subject names no one: its English form is stored in the clear for the admin's outbox list.
import type { z } from 'zod';
import { translator } from '../../i18n/messages';
import type { MailContent } from './layout';

/** `t` of the `mail` messages in the reader's language. */
export type MailT = ReturnType<typeof translator<'mail'>>;

export type MailTemplate<S extends z.ZodType = z.ZodType> = {
  subject: (t: MailT) => string;
  schema: S;
  content: (data: z.output<S>, t: MailT) => MailContent;
};

export const defineTemplate = <S extends z.ZodType>(template: MailTemplate<S>) => template;

/** Tokens go into links as they are: URL-safe characters only, long enough to be one of ours. */
export const TOKEN = /^[A-Za-z0-9_-]{16,512}$/;
