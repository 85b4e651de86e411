// The mail job, one definition run by both runners: the in-process runner (on mailRequested, and every
// minute) and Inngest (@inngest/test). Here without SMTP, so mail goes to the development outbox.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { InngestTestEngine } from '@inngest/test';
import { describe, expect, it } from 'vitest';
import { functions } from '@/inngest/functions';
import { mailFunction } from '@/inngest/functions/mail';
import { prisma } from '@/lib/db/client';
import { env } from '@/lib/env';
import { enqueueMail, MAIL_DELIVERY_EVENT } from '@/lib/mail/enqueue';
import { createUser } from '@/test/factories';
import { ALL_JOBS } from './all';
import { mailJob } from './mail';
import { createInProcessRunner } from './runner';

async function queueOne() {
  const user = await createUser();
  return enqueueMail(prisma, { to: user.email, template: 'test', data: {}, userId: user.id });
}

async function expectDelivered(id: string) {
  expect(await prisma.mailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SENT', attempts: 1 });
  const { transport } = env().mail;
  expect(transport.kind).toBe('outbox');
  if (transport.kind === 'outbox') await access(path.resolve(transport.dir, `${id}.json`));
}

describe('the mail job', () => {
  it('is registered with both runners, on its event and every minute', () => {
    expect(ALL_JOBS).toContain(mailJob);
    expect(functions).toContain(mailFunction);
    expect(mailJob).toMatchObject({ trigger: 'mailRequested', cron: '* * * * *' });
  });

  it('in-process: mailRequested delivers what is queued', async () => {
    const { id } = await queueOne();
    const runner = createInProcessRunner({ jobs: ALL_JOBS });
    await runner.dispatch([MAIL_DELIVERY_EVENT]);
    await runner.stop();
    await expectDelivered(id);
  });

  it('Inngest: the function delivers what is queued and reports its counts', async () => {
    const { id } = await queueOne();
    const t = new InngestTestEngine({ function: mailFunction });
    const { result } = await t.execute({ events: [{ name: 'mail/delivery.requested', data: {} }] });
    expect(result).toEqual({ sent: expect.any(Number), retrying: expect.any(Number), failed: expect.any(Number), purged: expect.any(Number) });
    await expectDelivered(id);
  });
});
