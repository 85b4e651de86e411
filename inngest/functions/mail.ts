// Inngest function "mail-delivery": a thin wrapper over lib/jobs/mail.ts.
import { mailJob } from '@/lib/jobs/mail';
import { createFunction } from '../create-function';

export const mailFunction = createFunction(mailJob);
