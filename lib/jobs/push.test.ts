// The push job, one definition run by both runners: the in-process runner (on pushRequested, and every
// minute) and Inngest (@inngest/test). Its delivery is lib/notify/push-delivery.test.ts's; here a due
// delivery whose browser unsubscribed, which any run settles without a push service.
import { InngestTestEngine } from '@inngest/test';
import { describe, expect, it } from 'vitest';
import { functions } from '@/inngest/functions';
import { pushFunction } from '@/inngest/functions/push';
import { prisma } from '@/lib/db/client';
import { newNotificationTexts } from '@/lib/data/notification-fields';
import { createUser } from '@/test/factories';
import { ALL_JOBS } from './all';
import { pushJob } from './push';
import { createInProcessRunner } from './runner';

async function queueOne() {
  const user = await createUser();
  const texts = await newNotificationTexts(user.id, { title: 'Low glucose', body: 'Glucose 52 mg/dL' });
  await prisma.notification.create({ data: { ...texts, recipientId: user.id, patientId: user.id, kind: 'emergency.GLUCOSE_LOW', isEmergency: true, status: 'SENT' } });
  return prisma.pushDelivery.create({ data: { notificationId: texts.id, recipientId: user.id, subscriptionId: null, nextAttemptAt: new Date() } });
}

const settled = async (id: string) =>
  expect(await prisma.pushDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'FAILED', attempts: 1, lastError: 'subscription removed' });

describe('the push job', () => {
  it('is registered with both runners, on its event and every minute, without run retries', () => {
    expect(ALL_JOBS).toContain(pushJob);
    expect(functions).toContain(pushFunction);
    expect(pushJob).toMatchObject({ id: 'push-delivery', trigger: 'pushRequested', cron: '* * * * *', retries: 0 });
  });

  it('in-process: pushRequested delivers what is due', async () => {
    const { id } = await queueOne();
    const runner = createInProcessRunner({ jobs: ALL_JOBS });
    await runner.dispatch([{ key: 'pushRequested', data: {} }]);
    await runner.stop();
    await settled(id);
  });

  it('Inngest: the function delivers what is due and reports its counts', async () => {
    const { id } = await queueOne();
    const t = new InngestTestEngine({ function: pushFunction });
    const { result } = await t.execute({ events: [{ name: 'notifications/push.requested', data: {} }] });
    expect(result).toEqual({ sent: expect.any(Number), retrying: expect.any(Number), failed: expect.any(Number), purged: expect.any(Number) });
    await settled(id);
  });
});
