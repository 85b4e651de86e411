// Each Inngest function through @inngest/test (a fresh engine per test), against the real database:
// the step bodies run for real; step.sendEvent is mocked (it would call an Inngest server).
import { InngestTestEngine } from '@inngest/test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storeSyncBatch } from '@/lib/data/sync-samples';
import { ensureSamplePartitions } from '@/lib/data/partitions';
import { pool, prisma } from '@/lib/db/client';
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

  it('digest: makes the daily digests due (08:00 in the reader’s zone), then asks for their delivery; a rerun makes none', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-12T12:00:00Z'), toFake: ['Date'] }); // 12:00 UTC: today's 08:00 has come
    const doctor = await createUser({ role: 'DOCTOR', timeZone: 'UTC' });
    const patient = await createUser();
    await prisma.careRelationship.create({ data: { patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' } });
    const device = await createDevice(patient.id, 'watch');
    const takenAt = new Date('2026-11-12T06:00:00Z');
    await ensureSamplePartitions(pool(), [takenAt.getTime()]);
    await prisma.healthSample.create({ data: { userId: patient.id, deviceId: device.id, type: 'HEART_RATE', startAt: takenAt, endAt: takenAt, value: 70 } });
    const first = await new InngestTestEngine({ function: digestFunction }).execute({ events: [{ name: 'notifications/digest.requested', data: {} }], steps: [followUp()] });
    expect(first.result).toMatchObject({ sent: expect.any(Number), failed: 0 });
    const digests = await prisma.notification.findMany({ where: { recipientId: doctor.id, kind: 'digest.daily' } });
    expect(digests.map((n) => n.createdAt)).toEqual([new Date('2026-11-12T08:00:00Z')]);
    expect(first.ctx.step.sendEvent).toHaveBeenCalledWith('follow-up', [expect.objectContaining({ name: 'mail/delivery.requested' }), expect.objectContaining({ name: 'notifications/push.requested' })]);
    await new InngestTestEngine({ function: digestFunction }).execute({ events: [{ name: 'notifications/digest.requested', data: {} }], steps: [followUp()] });
    expect(await prisma.notification.count({ where: { recipientId: doctor.id, kind: 'digest.daily' } })).toBe(1);
  });
});
