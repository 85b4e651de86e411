// The emergency-escalation workflow end to end on the in-process engine, with the engine's clock
// controlled and the real domain steps (lib/data/emergency-escalation.ts) writing real notifications:
// a low reminds to re-check and escalates at 15 minutes, again at 30, across restarted engines, each
// message once; an acknowledgement (through the real route, or lost on the way) stops it. The workflow
// runs here under an id of its own, so the test server's engine (same database) leaves its runs alone.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { raiseAlerts } from '@/lib/data/emergencies';
import { acknowledgeEmergency } from '@/lib/data/emergency-escalation';
import { prisma } from '@/lib/db/client';
import { createSignedInUser, createUser, waitFor } from '@/test/factories';
import { api } from '@/test/http';
import { emergencyEscalationWorkflow, escalationSchedule } from './emergency-escalation';
import type { PipelineEvent } from './events';
import { createWorkflowEngine, type WorkflowEngine } from './workflow-engine';

const MIN = 60_000;
const workflow = { ...emergencyEscalationWorkflow, id: `emergency-escalation-test-${randomUUID()}` };

async function careTeam() {
  const [patient, caregiver, immediate, digest, none] = await Promise.all([
    createUser(), createSignedInUser({ role: 'CAREGIVER' }), createUser({ role: 'DOCTOR' }), createUser({ role: 'DOCTOR' }), createUser({ role: 'DOCTOR' }),
  ]);
  await prisma.careRelationship.createMany({
    data: [
      { patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER', canReceiveAlerts: true },
      { patientId: patient.id, carerId: immediate.id, kind: 'DOCTOR', alertDelivery: 'IMMEDIATE' },
      { patientId: patient.id, carerId: digest.id, kind: 'DOCTOR', alertDelivery: 'DAILY_DIGEST' },
      { patientId: patient.id, carerId: none.id, kind: 'DOCTOR', alertDelivery: 'NONE' },
    ],
  });
  return { patient, caregiver, immediate, digest, none };
}

/** A low opened now for the patient: its id and when it opened (the schedule's origin). */
async function openLow(patientId: string) {
  const { opened } = await raiseAlerts(patientId, [{ type: 'BLOOD_GLUCOSE', atMs: Date.now() - 2 * MIN, value: 45 }]);
  expect(opened).toHaveLength(1);
  const event = await prisma.emergencyEvent.findUniqueOrThrow({ where: { id: opened[0]! } });
  return { id: event.id, openedAt: event.detectedAt };
}

/** The engine's clock starts where the alert opened; engines come and go (restarts). */
function clockFrom(origin: Date) {
  let now = origin;
  const engines: WorkflowEngine[] = [];
  return {
    at: (minutes: number) => void (now = new Date(origin.getTime() + minutes * MIN)),
    engine() {
      const engine = createWorkflowEngine({ workflows: [workflow], now: () => now, pollIntervalMs: 3_600_000 });
      engines.push(engine);
      return engine;
    },
    stopAll: () => Promise.all(engines.map((e) => e.stop())),
  };
}

const opened = (patientId: string, emergencyEventId: string): PipelineEvent => ({ key: 'emergencyOpened', data: { patientId, emergencyEventId } });
const runOf = (id: string) => prisma.workflowRun.findUniqueOrThrow({ where: { functionId_idempotencyKey: { functionId: workflow.id, idempotencyKey: id } } });
/** How many notifications of this kind each person got. */
async function told(emergencyEventId: string, kind: string): Promise<Record<string, number>> {
  const rows = await prisma.notification.findMany({ where: { emergencyEventId, kind }, select: { recipientId: true } });
  return rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.recipientId]: (acc[r.recipientId] ?? 0) + 1 }), {});
}

let stop: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('emergency-escalation workflow', () => {
  it('a low: re-check reminder and level 1 at 15 minutes, level 2 at 30, across restarts, each message once', async () => {
    const t = await careTeam();
    const low = await openLow(t.patient.id);
    const clock = clockFrom(low.openedAt);
    stop = clock.stopAll;

    await clock.engine().deliver([opened(t.patient.id, low.id)]);
    expect(await runOf(low.id)).toMatchObject({ status: 'WAITING', currentStep: 'ack-before-recheck', wakeAt: new Date(low.openedAt.getTime() + 15 * MIN) });
    clock.at(14);
    const beforeRestart = clock.engine();
    expect(await beforeRestart.tick()).toBe(0);
    await beforeRestart.stop();
    expect(await told(low.id, 'emergency.GLUCOSE_LOW.escalated')).toEqual({});

    clock.at(15);
    expect(await clock.engine().tick()).toBe(1);
    expect(await told(low.id, 'emergency.GLUCOSE_LOW.recheck')).toEqual({ [t.patient.id]: 1, [t.caregiver.id]: 1 });
    expect(await told(low.id, 'emergency.GLUCOSE_LOW.escalated')).toEqual({ [t.patient.id]: 1, [t.caregiver.id]: 1, [t.immediate.id]: 1 });
    expect(await runOf(low.id)).toMatchObject({ status: 'WAITING', currentStep: 'ack-before-escalate-2', wakeAt: new Date(low.openedAt.getTime() + 30 * MIN) });
    expect(await prisma.emergencyEvent.findUniqueOrThrow({ where: { id: low.id } })).toMatchObject({ escalationLevel: 1 });

    clock.at(29);
    expect(await clock.engine().tick()).toBe(0);
    clock.at(30);
    expect(await clock.engine().tick()).toBe(1);
    expect(await told(low.id, 'emergency.GLUCOSE_LOW.escalated')).toEqual({ [t.patient.id]: 2, [t.caregiver.id]: 2, [t.immediate.id]: 2, [t.digest.id]: 1 });
    expect(await runOf(low.id)).toMatchObject({ status: 'COMPLETED', result: { escalated: 2, acknowledged: false, reminded: true } });

    clock.at(120);
    const again = clock.engine();
    await again.deliver([opened(t.patient.id, low.id)]); // the same episode again: no second run
    expect(await again.tick()).toBe(0);
    expect(await told(low.id, 'emergency.GLUCOSE_LOW.escalated')).toEqual({ [t.patient.id]: 2, [t.caregiver.id]: 2, [t.immediate.id]: 2, [t.digest.id]: 1 });
    expect(await told(low.id, 'emergency.GLUCOSE_LOW.recheck')).toEqual({ [t.patient.id]: 1, [t.caregiver.id]: 1 });
    expect((await told(low.id, 'emergency.GLUCOSE_LOW.escalated'))[t.none.id]).toBeUndefined();
  });

  it('acknowledged at 20 minutes through the route: the waiting run wakes, no level 2, the run completes', async () => {
    const t = await careTeam();
    const low = await openLow(t.patient.id);
    const clock = clockFrom(low.openedAt);
    stop = clock.stopAll;
    await clock.engine().deliver([opened(t.patient.id, low.id)]);
    clock.at(15);
    await clock.engine().tick();
    expect((await runOf(low.id)).currentStep).toBe('ack-before-escalate-2');

    clock.at(20);
    // The test server's dispatch hands emergencyAcknowledged to its engine, which stores it into this run.
    const res = await api(`/api/v1/emergencies/${low.id}/acknowledge`, { method: 'POST', cookie: t.caregiver.cookie });
    expect(res.status).toBe(200);
    const woken = await waitFor(async () => {
      const run = await runOf(low.id);
      return run.status === 'RUNNING' ? run : undefined;
    }, 'the acknowledgement to reach the waiting run');
    expect((woken.steps as Record<string, unknown>)['ack-before-escalate-2']).toEqual({ patientId: t.patient.id, emergencyEventId: low.id });
    const engine = clock.engine();
    expect(await engine.tick()).toBe(1);
    expect(await runOf(low.id)).toMatchObject({ status: 'COMPLETED', result: { escalated: 1, acknowledged: true, reminded: true } });

    clock.at(45);
    expect(await engine.tick()).toBe(0);
    expect(await told(low.id, 'emergency.GLUCOSE_LOW.escalated')).toEqual({ [t.patient.id]: 1, [t.caregiver.id]: 1, [t.immediate.id]: 1 });
    expect(await told(low.id, 'emergency.GLUCOSE_LOW.acknowledged')).toEqual({ [t.patient.id]: 1, [t.immediate.id]: 1 });
  });

  it('acknowledged before 15 minutes: no escalation, but the low’s re-check reminder still comes at 15', async () => {
    const t = await careTeam();
    const low = await openLow(t.patient.id);
    const clock = clockFrom(low.openedAt);
    stop = clock.stopAll;
    const engine = clock.engine();
    await engine.deliver([opened(t.patient.id, low.id)]);
    clock.at(5);
    await acknowledgeEmergency({ id: t.caregiver.id, role: 'CAREGIVER' }, low.id);
    await engine.deliver([{ key: 'emergencyAcknowledged', data: { patientId: t.patient.id, emergencyEventId: low.id } }]);
    expect(await runOf(low.id)).toMatchObject({ status: 'SLEEPING', currentStep: 'until-recheck', wakeAt: new Date(low.openedAt.getTime() + 15 * MIN) });
    expect(await told(low.id, 'emergency.GLUCOSE_LOW.recheck')).toEqual({});
    clock.at(15);
    await engine.tick();
    expect(await told(low.id, 'emergency.GLUCOSE_LOW.recheck')).toEqual({ [t.patient.id]: 1, [t.caregiver.id]: 1 });
    expect(await told(low.id, 'emergency.GLUCOSE_LOW.escalated')).toEqual({});
    expect(await runOf(low.id)).toMatchObject({ status: 'COMPLETED', result: { escalated: 0, acknowledged: true, reminded: true } });
  });

  it('an acknowledgement whose event was lost still stops it at the next step', async () => {
    const t = await careTeam();
    const low = await openLow(t.patient.id);
    const clock = clockFrom(low.openedAt);
    stop = clock.stopAll;
    const engine = clock.engine();
    await engine.deliver([opened(t.patient.id, low.id)]);
    clock.at(15);
    await engine.tick();
    await acknowledgeEmergency({ id: t.caregiver.id, role: 'CAREGIVER' }, low.id); // and no event
    clock.at(30);
    await engine.tick();
    expect(await runOf(low.id)).toMatchObject({ status: 'COMPLETED', result: { escalated: 1, acknowledged: true } });
    expect((await told(low.id, 'emergency.GLUCOSE_LOW.escalated'))[t.digest.id]).toBeUndefined();
  });

  it('started late (the engine was down): what is due happens at once, the rest keeps its schedule', async () => {
    const t = await careTeam();
    const low = await openLow(t.patient.id);
    const clock = clockFrom(low.openedAt);
    stop = clock.stopAll;
    const down = clock.engine();
    await down.stop();
    await down.deliver([opened(t.patient.id, low.id)]); // stored while no engine runs
    clock.at(22);
    expect(await clock.engine().tick()).toBe(1);
    expect(await told(low.id, 'emergency.GLUCOSE_LOW.escalated')).toEqual({ [t.patient.id]: 1, [t.caregiver.id]: 1, [t.immediate.id]: 1 });
    expect(await runOf(low.id)).toMatchObject({ status: 'WAITING', wakeAt: new Date(low.openedAt.getTime() + 30 * MIN) });
  });

  it('an emergency that does not exist ends the run at once', async () => {
    const clock = clockFrom(new Date());
    stop = clock.stopAll;
    const id = randomUUID();
    await clock.engine().deliver([opened(randomUUID(), id)]);
    expect(await runOf(id)).toMatchObject({ status: 'COMPLETED', result: { escalated: 0, missing: true } });
  });
});

describe('escalationSchedule', () => {
  const plan = { openedAt: '2026-11-12T03:00:00.000Z', escalateAfterMinutes: 15, escalateAgainAfterMinutes: 30, recheckAfterMinutes: 20 };
  it('orders the actions by time from the opening; a re-check only after a low', () => {
    expect(escalationSchedule({ ...plan, kind: 'GLUCOSE_LOW' })).toEqual([
      { id: 'escalate-1', at: '2026-11-12T03:15:00.000Z' },
      { id: 'recheck', at: '2026-11-12T03:20:00.000Z' },
      { id: 'escalate-2', at: '2026-11-12T03:30:00.000Z' },
    ]);
    expect(escalationSchedule({ ...plan, kind: 'BLOOD_PRESSURE_CRISIS' }).map((a) => a.id)).toEqual(['escalate-1', 'escalate-2']);
  });
  it('a re-check due with the escalation comes first (the shortened demo timings too)', () => {
    const actions = escalationSchedule({ ...plan, kind: 'GLUCOSE_LOW', escalateAfterMinutes: 2, escalateAgainAfterMinutes: 4, recheckAfterMinutes: 2 });
    expect(actions).toEqual([
      { id: 'recheck', at: '2026-11-12T03:02:00.000Z' },
      { id: 'escalate-1', at: '2026-11-12T03:02:00.000Z' },
      { id: 'escalate-2', at: '2026-11-12T03:04:00.000Z' },
    ]);
  });
});
