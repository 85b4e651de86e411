// Integration: GET /api/v1/admin/pipeline (backlog, last runs, failures, workflow runs) and POST /api/v1/admin/jobs
// (start a background function now) against the real server in in-process job mode.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { storeSyncBatch } from '@/lib/data/sync-samples';
import { pool, prisma } from '@/lib/db/client';
import { ensureSamplePartitions } from '@/lib/data/partitions';
import { parseSyncBatch } from '@/lib/ingest/sync-batch';
import { createDevice, createSignedInUser, createUser, waitFor } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
type Status = {
  backlog: { ranges: number; users: number; oldestMarkedAt: string | null };
  lastRuns: { function_id: string; status: string; started_at: string; finished_at: string | null; error: string | null; mode: string }[];
  failures: { id: string; functionId: string; userId: string | null; attempt: number; error: string | null; mode: string }[];
  maintenance: unknown[];
  workflows: {
    mode: string;
    counts: Record<string, number>;
    runs: { id: string; functionId: string; status: string; startedAt: string; finishedAt: string | null; wakeAt: string | null; waitingFor: string | null; lastStep: string | null; attempts: number; error: string | null }[];
  };
};

const status = (cookie?: string) => api<Status>('/api/v1/admin/pipeline', { cookie });
const startJob = (json: unknown, cookie?: string) => api('/api/v1/admin/jobs', { method: 'POST', json, cookie });

/** A user whose samples are stored (dirty ranges marked) but whose pipeline was never started: a lost event. */
async function userWithBacklog() {
  const user = await createUser({ timeZone: 'UTC' });
  const device = await createDevice(user.id, 'watch');
  const samples = [
    { type: 'HEART_RATE', value: 70, unit: 'count/min', startDate: '2026-11-10T08:00:00Z', endDate: '2026-11-10T08:00:00Z' },
    { type: 'STEPS', value: 500, unit: 'count', startDate: '2026-11-11T09:00:00Z', endDate: '2026-11-11T09:30:00Z' },
  ];
  const batch = parseSyncBatch({ samples }, Date.now());
  await storeSyncBatch({ device: { id: device.id, userId: user.id, timeZone: 'UTC' }, samples: batch.samples, idempotency: null, buildResponse: () => ({ status: 200, body: null }) });
  return user;
}

let admin: SignedIn;
let patient: SignedIn;
let doctor: SignedIn;

beforeAll(async () => {
  [admin, patient, doctor] = await Promise.all([createSignedInUser({ role: 'ADMIN' }), createSignedInUser(), createSignedInUser({ role: 'DOCTOR' })]);
});

describe('GET /api/v1/admin/pipeline', () => {
  it('shows the dirty backlog and recent failures to an admin', async () => {
    const user = await userWithBacklog();
    const failed = await prisma.jobRun.create({
      data: { functionId: 'aggregate', userId: user.id, status: 'FAILED', attempt: 5, mode: 'in-process', finishedAt: new Date(), error: 'Error: boom' },
    });
    const mine = await prisma.dirtyRange.findMany({ where: { userId: user.id } });
    expect(mine).toHaveLength(2);

    const res = await status(admin.cookie);
    expect(res.status).toBe(200);
    expect(res.body.backlog.ranges).toBeGreaterThanOrEqual(2);
    expect(res.body.backlog.users).toBeGreaterThanOrEqual(1);
    expect(new Date(res.body.backlog.oldestMarkedAt!).getTime()).toBeLessThanOrEqual(mine[0]!.markedAt.getTime());
    expect(res.body.failures).toContainEqual({
      id: failed.id.toString(), functionId: 'aggregate', userId: user.id, attempt: 5, startedAt: failed.startedAt.toISOString(), error: 'Error: boom', mode: 'in-process',
    });
    expect(Array.isArray(res.body.lastRuns)).toBe(true);
    expect(Array.isArray(res.body.maintenance)).toBe(true);
  });

  it('lists the durable workflow runs: sleeping and waiting ones with until when, failed ones with their error', async () => {
    const functionId = `test-admin-flow-${randomUUID()}`; // not a workflow of the server's engine: it leaves them alone
    const wakeAt = new Date(Date.now() + 3600_000);
    const later = new Date(wakeAt.getTime() + 60_000); // the soonest due comes first
    const base = { functionId, eventData: { emergencyEventId: randomUUID() } };
    const [sleeping, waiting, failed] = await Promise.all([
      prisma.workflowRun.create({ data: { ...base, idempotencyKey: 'a', status: 'SLEEPING', currentStep: 'nap', wakeAt, steps: { plan: { secretish: false } } } }),
      prisma.workflowRun.create({ data: { ...base, idempotencyKey: 'b', status: 'WAITING', currentStep: 'ack-before-escalate-1', wakeAt: later, waitEvent: 'emergency/acknowledged', waitField: 'emergencyEventId', waitValue: 'x' } }),
      prisma.workflowRun.create({ data: { ...base, idempotencyKey: 'c', status: 'FAILED', currentStep: 'escalate-1', attempts: 5, lastError: 'Error: boom', finishedAt: new Date() } }),
    ]);
    const res = await status(admin.cookie);
    expect(res.status).toBe(200);
    expect(res.body.workflows.mode).toBe('in-process');
    expect(res.body.workflows.counts.SLEEPING).toBeGreaterThanOrEqual(1);
    const mine = res.body.workflows.runs.filter((r) => r.functionId === functionId);
    expect(mine).toEqual([
      expect.objectContaining({ id: sleeping.id, status: 'SLEEPING', wakeAt: wakeAt.toISOString(), waitingFor: null, lastStep: 'nap', error: null }),
      expect.objectContaining({ id: waiting.id, status: 'WAITING', wakeAt: later.toISOString(), waitingFor: 'emergency/acknowledged', lastStep: 'ack-before-escalate-1' }),
      expect.objectContaining({ id: failed.id, status: 'FAILED', lastStep: 'escalate-1', attempts: 5, error: 'Error: boom', startedAt: failed.createdAt.toISOString() }),
    ]);
    // Ids and step names only: no event data, no step results.
    expect(JSON.stringify(mine)).not.toContain('secretish');
    expect(JSON.stringify(mine)).not.toContain(base.eventData.emergencyEventId);
  });

  it('non-admins get 403, anonymous 401', async () => {
    for (const caller of [patient, doctor]) {
      const res = await status(caller.cookie);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    expect((await status()).status).toBe(401);
  });
});

describe('POST /api/v1/admin/jobs', () => {
  it('sweep → 202; the user’s dirty backlog drains and the runs show in the status', async () => {
    const user = await userWithBacklog();
    const before = new Date();
    const res = await startJob({ job: 'sweep' }, admin.cookie);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 'sweepRequested' });

    await waitFor(async () => (await prisma.dirtyRange.count({ where: { userId: user.id } })) === 0, 'the backlog to drain', 100_000);
    expect(await prisma.healthAggregate.count({ where: { userId: user.id, period: 'DAY' } })).toBe(2);
    const sweeps = await prisma.jobRun.findMany({ where: { functionId: 'sweep', startedAt: { gte: before } } });
    // Started by the request (right after the response), not by the five-minute cron.
    expect(sweeps.some((r) => r.startedAt.getTime() - before.getTime() < 5_000)).toBe(true);
    expect(sweeps.every((r) => r.mode === 'in-process')).toBe(true);

    // The sweep's run ends once the aggregate runs it started are over; then both show as last runs.
    const finished = await waitFor(async () => {
      const body = (await status(admin.cookie)).body;
      const sweep = body.lastRuns.find((r) => r.function_id === 'sweep');
      const aggregate = body.lastRuns.find((r) => r.function_id === 'aggregate');
      return sweep?.status === 'SUCCEEDED' && new Date(sweep.started_at) >= before && aggregate?.status === 'SUCCEEDED' ? body : undefined;
    }, 'the sweep run to finish', 100_000);
    expect(finished.lastRuns.find((r) => r.function_id === 'sweep')).toMatchObject({ mode: 'in-process', error: null });
    expect(await prisma.jobRun.count({ where: { functionId: 'aggregate', userId: user.id, status: 'SUCCEEDED' } })).toBeGreaterThanOrEqual(1);
  }, 240_000);

  it('digest → 202; a doctor whose 08:00 has come gets the daily digest (lib/data/digests.ts)', async () => {
    // A zone where it is now 14:xx, so today's 08:00 has passed whatever the hour this test runs at.
    const offset = ((14 - new Date().getUTCHours() + 36) % 24) - 12;
    const timeZone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    const reader = await createUser({ role: 'DOCTOR', timeZone });
    const patient = await createUser();
    await prisma.careRelationship.create({ data: { patientId: patient.id, carerId: reader.id, kind: 'DOCTOR' } });
    const device = await createDevice(patient.id, 'watch');
    const takenAt = new Date(Date.now() - 8 * 3600_000); // about 06:00 there: before today's digest
    await ensureSamplePartitions(pool(), [takenAt.getTime()]);
    await prisma.healthSample.create({ data: { userId: patient.id, deviceId: device.id, type: 'HEART_RATE', startAt: takenAt, endAt: takenAt, value: 70 } });
    const res = await startJob({ job: 'digest' }, admin.cookie);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 'digestRequested' });
    const digest = await waitFor(() => prisma.notification.findFirst({ where: { recipientId: reader.id, kind: 'digest.daily' } }), 'the digest to be made');
    expect(digest.patientId).toBeNull();
  });

  it('an unknown job or bad arguments → 422; non-admins 403; anonymous 401', async () => {
    const bad = [{ job: 'explode' }, {}, { job: 'restore' }, { job: 'restore', userId: 'nope', month: '2026-01' }, { job: 'archive', month: '2026-13' }];
    for (const json of bad) {
      const res = await startJob(json, admin.cookie);
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    expect((await api('/api/v1/admin/jobs', { method: 'POST', body: 'job=sweep', headers: { 'content-type': 'text/plain' }, cookie: admin.cookie })).status).toBe(415);
    for (const caller of [patient, doctor]) expect((await startJob({ job: 'sweep' }, caller.cookie)).status).toBe(403);
    expect((await startJob({ job: 'sweep' })).status).toBe(401);
  });
});
