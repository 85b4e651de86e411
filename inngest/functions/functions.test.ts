// Each Inngest function through @inngest/test (a fresh engine per test), against the real database:
// the step bodies run for real; step.sendEvent is mocked (it would call an Inngest server).
import { InngestTestEngine } from '@inngest/test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storeSyncBatch } from '@/lib/data/sync-samples';
import { prisma } from '@/lib/db/client';
import { parseSyncBatch } from '@/lib/ingest/sync-batch';
import { createDevice, createUser } from '@/test/factories';
import { aggregateFunction } from './aggregate';
import { digestFunction } from './digest';
import { sweepFunction } from './sweep';

async function userWithSamples() {
  const user = await createUser({ timeZone: 'UTC' });
  const device = await createDevice(user.id, 'glucometer');
  const now = Date.now();
  const samples = [
    { type: 'BLOOD_GLUCOSE', value: 48, unit: 'mg/dL', startDate: new Date(now - 3600_000).toISOString(), endDate: new Date(now - 3600_000).toISOString() },
    { type: 'BLOOD_GLUCOSE', value: 110, unit: 'mg/dL', startDate: new Date(now - 7200_000).toISOString(), endDate: new Date(now - 7200_000).toISOString() },
  ];
  const batch = parseSyncBatch({ samples }, now);
  await storeSyncBatch({ device: { id: device.id, userId: user.id, timeZone: 'UTC' }, samples: batch.samples, idempotency: null, buildResponse: () => ({ status: 200, body: null }) });
  return user;
}

const followUp = () => ({ id: 'follow-up', handler: () => ({ ids: ['mocked'] }) });

describe('inngest functions', () => {
  afterEach(() => vi.useRealTimers());

  it('aggregate: recomputes, opens the low-glucose emergency, asks for insights, records the run', async () => {
    // Noon: readings an hour or two ago fall on one day (near midnight they would make two).
    vi.useFakeTimers({ now: new Date('2026-11-12T12:00:00Z'), toFake: ['Date'] });
    const user = await userWithSamples();
    const t = new InngestTestEngine({ function: aggregateFunction });
    const { result, ctx } = await t.execute({
      events: [{ name: 'health/samples.synced', data: { userId: user.id } }],
      steps: [followUp()],
    });
    expect(result).toMatchObject({ ranges: 1, types: 1, alerts: 1 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith('follow-up', [expect.objectContaining({ name: 'health/aggregates.updated', data: { userId: user.id } })]);
    expect(await prisma.healthAggregate.count({ where: { userId: user.id, period: 'DAY' } })).toBe(1);
    const emergencies = await prisma.emergencyEvent.findMany({ where: { patientId: user.id } });
    expect(emergencies.map((e) => [e.kind, e.status])).toEqual([['GLUCOSE_LOW', 'OPEN']]);
    expect(await prisma.notification.count({ where: { recipientId: user.id, isEmergency: true } })).toBe(1);
    expect(await prisma.jobRun.count({ where: { userId: user.id, functionId: 'aggregate', mode: 'inngest', status: 'SUCCEEDED' } })).toBe(1);
  });

  it('aggregate: nothing dirty → no follow-up event', async () => {
    const user = await createUser();
    const t = new InngestTestEngine({ function: aggregateFunction });
    const { result, ctx } = await t.execute({ events: [{ name: 'health/samples.synced', data: { userId: user.id } }], steps: [followUp()] });
    expect(result).toMatchObject({ ranges: 0 });
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });

  it('sweep: sends one aggregate event per user with dirty ranges', async () => {
    const user = await userWithSamples();
    const t = new InngestTestEngine({ function: sweepFunction });
    const { result, ctx } = await t.execute({ events: [{ name: 'pipeline/sweep.requested', data: {} }], steps: [followUp()] });
    expect((result as { users: number }).users).toBeGreaterThanOrEqual(1);
    const sent = (ctx.step.sendEvent as unknown as { mock: { calls: [string, { name: string; data: { userId: string } }[]][] } }).mock.calls[0]![1];
    expect(sent).toContainEqual(expect.objectContaining({ name: 'health/samples.synced', data: { userId: user.id } }));
  });

  it('digest: delivers scheduled notifications that are due, not the others', async () => {
    const doctor = await createUser({ role: 'DOCTOR' });
    const due = await prisma.notification.create({ data: { recipientId: doctor.id, kind: 'emergency.GLUCOSE_LOW', isEmergency: true, status: 'SCHEDULED', scheduledFor: new Date(Date.now() - 60_000), title: 't', body: 'b' } });
    const later = await prisma.notification.create({ data: { recipientId: doctor.id, kind: 'emergency.GLUCOSE_LOW', isEmergency: true, status: 'SCHEDULED', scheduledFor: new Date(Date.now() + 3600_000), title: 't', body: 'b' } });
    const t = new InngestTestEngine({ function: digestFunction });
    await t.execute({ events: [{ name: 'notifications/digest.requested', data: {} }] });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: due.id } })).status).toBe('SENT');
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: later.id } })).status).toBe('SCHEDULED');
  });
});
