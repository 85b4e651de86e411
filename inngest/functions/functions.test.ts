// Each Inngest function through @inngest/test (a fresh engine per test), against the real database:
// the step bodies run for real; step.sendEvent is mocked (it would call an Inngest server).
import { InngestTestEngine, mockCtx } from '@inngest/test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { raiseAlerts } from '@/lib/data/emergencies';
import { storeSyncBatch } from '@/lib/data/sync-samples';
import { ensureSamplePartitions } from '@/lib/data/partitions';
import { pool, prisma } from '@/lib/db/client';
import { parseSyncBatch } from '@/lib/ingest/sync-batch';
import { createDevice, createUser } from '@/test/factories';
import { aggregateFunction } from './aggregate';
import { digestFunction } from './digest';
import { emergencyEscalationFunction } from './emergency-escalation';
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

// A job's sends are steps 'follow-up', 'follow-up-2', … (inngest/create-function.ts).
const followUps = () => ['follow-up', 'follow-up-2'].map((id) => ({ id, handler: () => ({ ids: ['mocked'] }) }));

describe('inngest functions', () => {
  afterEach(() => vi.useRealTimers());

  it('aggregate: recomputes, opens the low-glucose emergency (its escalation starts), asks for insights, records the run', async () => {
    // Noon: readings an hour or two ago fall on one day (near midnight they would make two).
    vi.useFakeTimers({ now: new Date('2026-11-12T12:00:00Z'), toFake: ['Date'] });
    const user = await userWithSamples();
    const t = new InngestTestEngine({ function: aggregateFunction });
    const { result, ctx } = await t.execute({
      events: [{ name: 'health/samples.synced', data: { userId: user.id } }],
      steps: followUps(),
    });
    expect(result).toMatchObject({ ranges: 1, types: 1, alerts: { changed: 1, opened: [expect.any(String)] } });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith('follow-up', [expect.objectContaining({ name: 'health/aggregates.updated', data: { userId: user.id } })]);
    const opened = (result as { alerts: { opened: string[] } }).alerts.opened[0];
    // The episode it opened starts its escalation (emergency-escalation).
    expect(ctx.step.sendEvent).toHaveBeenCalledWith('follow-up-2', expect.arrayContaining([expect.objectContaining({ name: 'emergency/opened', data: { patientId: user.id, emergencyEventId: opened } })]));
    expect(await prisma.healthAggregate.count({ where: { userId: user.id, period: 'DAY' } })).toBe(1);
    const emergencies = await prisma.emergencyEvent.findMany({ where: { patientId: user.id } });
    expect(emergencies.map((e) => [e.kind, e.status])).toEqual([['GLUCOSE_LOW', 'OPEN']]);
    expect(await prisma.notification.count({ where: { recipientId: user.id, isEmergency: true } })).toBe(1);
    expect(await prisma.jobRun.count({ where: { userId: user.id, functionId: 'aggregate', mode: 'inngest', status: 'SUCCEEDED' } })).toBe(1);
  });

  it('aggregate: nothing dirty → no follow-up event', async () => {
    const user = await createUser();
    const t = new InngestTestEngine({ function: aggregateFunction });
    const { result, ctx } = await t.execute({ events: [{ name: 'health/samples.synced', data: { userId: user.id } }], steps: followUps() });
    expect(result).toMatchObject({ ranges: 0 });
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });

  it('sweep: sends one aggregate event per user with dirty ranges', async () => {
    const user = await userWithSamples();
    const t = new InngestTestEngine({ function: sweepFunction });
    const { result, ctx } = await t.execute({ events: [{ name: 'pipeline/sweep.requested', data: {} }], steps: followUps() });
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
    const first = await new InngestTestEngine({ function: digestFunction }).execute({ events: [{ name: 'notifications/digest.requested', data: {} }], steps: followUps() });
    expect(first.result).toMatchObject({ sent: expect.any(Number), failed: 0 });
    const digests = await prisma.notification.findMany({ where: { recipientId: doctor.id, kind: 'digest.daily' } });
    expect(digests.map((n) => n.createdAt)).toEqual([new Date('2026-11-12T08:00:00Z')]);
    expect(first.ctx.step.sendEvent).toHaveBeenCalledWith('follow-up', [expect.objectContaining({ name: 'mail/delivery.requested' }), expect.objectContaining({ name: 'notifications/push.requested' })]);
    await new InngestTestEngine({ function: digestFunction }).execute({ events: [{ name: 'notifications/digest.requested', data: {} }], steps: followUps() });
    expect(await prisma.notification.count({ where: { recipientId: doctor.id, kind: 'digest.daily' } })).toBe(1);
  });

  it('emergency-escalation: one run per emergency, waits until each action matched on the emergency, the real steps escalate; an acknowledgement stops it', async () => {
    expect(emergencyEscalationFunction.opts).toMatchObject({ id: 'emergency-escalation', idempotency: 'event.data.emergencyEventId' });
    const [patient, doctor] = await Promise.all([createUser(), createUser({ role: 'DOCTOR' })]);
    await prisma.careRelationship.create({ data: { patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR', alertDelivery: 'IMMEDIATE' } });
    const { opened } = await raiseAlerts(patient.id, [{ type: 'BLOOD_GLUCOSE', atMs: Date.now() - 120_000, value: 45 }]);
    const emergencyEventId = opened[0]!;
    const { detectedAt } = await prisma.emergencyEvent.findUniqueOrThrow({ where: { id: emergencyEventId } });
    const data = { patientId: patient.id, emergencyEventId };
    // Inngest resumes the waits: the first times out (null), the second receives the acknowledgement.
    // (@inngest/test 1.0 cannot mock a waitForEvent result under inngest 4: it validates the mock's
    // pending promise as the event. So the wait tool itself is replaced, and its arguments checked.)
    const waits: Record<string, unknown> = { 'ack-before-escalate-2': { name: 'emergency/acknowledged', data } };
    const waitForEvent = vi.fn(async (id: string) => waits[id] ?? null);
    const t = new InngestTestEngine({
      function: emergencyEscalationFunction,
      transformCtx: (input) => {
        const mocked = mockCtx(input);
        return { ...mocked, step: Object.assign(mocked.step, { waitForEvent }) } as typeof input;
      },
    });
    const { result, ctx } = await t.execute({ events: [{ name: 'emergency/opened', data }] });
    expect(result).toEqual({ escalated: 1, acknowledged: true, reminded: true });
    const ifMatched = 'async.data.emergencyEventId == event.data.emergencyEventId';
    // The handler is replayed once per step, so the same calls repeat.
    expect(new Set(waitForEvent.mock.calls.map((c) => c[0]))).toEqual(new Set(['ack-before-recheck', 'ack-before-escalate-2']));
    const acknowledged = expect.objectContaining({ name: 'emergency/acknowledged' });
    expect(waitForEvent).toHaveBeenCalledWith('ack-before-recheck', { event: acknowledged, timeout: new Date(detectedAt.getTime() + 15 * 60_000), if: ifMatched });
    expect(waitForEvent).toHaveBeenCalledWith('ack-before-escalate-2', { event: acknowledged, timeout: new Date(detectedAt.getTime() + 30 * 60_000), if: ifMatched });
    const ran = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    expect(new Set(ran)).toEqual(new Set(['plan', 'recheck', 'escalate-1', 'record-run']));
    const escalated = await prisma.notification.findMany({ where: { emergencyEventId, kind: 'emergency.GLUCOSE_LOW.escalated' } });
    expect(escalated.map((n) => n.recipientId).sort()).toEqual([patient.id, doctor.id].sort());
    expect(await prisma.jobRun.count({ where: { functionId: 'emergency-escalation', mode: 'inngest', status: 'SUCCEEDED' } })).toBeGreaterThanOrEqual(1);
  });
});
