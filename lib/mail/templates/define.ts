// A template: its subject (names no one: it is stored in the clear for the admin's outbox list), the
// schema of its data (checked when queued and again when sent) and its text. Each template keeps its
// English strings together in one object, for the translations to come.
import type { z } from 'zod';
import type { MailContent } from './layout';

export type MailTemplate<S extends z.ZodType = z.ZodType> = {
  subject: string;
  schema: S;
  content: (data: z.output<S>) => MailContent;
};

export const defineTemplate = <S extends z.ZodType>(template: MailTemplate<S>) => template;

/** Tokens go into links as they are: URL-safe characters only, long enough to be one of ours. */
export const TOKEN = /^[A-Za-z0-9_-]{16,512}$/;
