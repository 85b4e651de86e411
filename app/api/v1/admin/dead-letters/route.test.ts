// Integration (HTTP, real PostgreSQL): the dead letters of /admin/pipeline. A fault injected in the
// database (a trigger refusing to delete two users' dirty ranges) makes the real aggregate job fail
// through all its retries (an in-process runner here, its runs recorded as the app records them); the
// final attempts are listed, the earlier ones not. With the fault removed, a retry runs the function again
// in the app and it succeeds; the other is discarded (kept, marked, no longer listed). A failed workflow
// run is retried (it resumes and completes) and another discarded. Admins only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordJobRun } from '@/lib/data/job-runs';
import { pool, prisma } from '@/lib/db/client';
import { aggregateJob } from '@/lib/jobs/aggregate';
import { importJob } from '@/lib/jobs/import';
import { createInProcessRunner } from '@/lib/jobs/runner';
import { createSignedInUser, createUser, waitFor } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
type Entry = { kind: 'job' | 'workflow'; id: string; functionId: string; userId: string | null; attempts: number; step: string | null; error: string | null; failedAt: string; retryable: boolean };

const list = (cookie?: string) => api<{ entries: Entry[] }>('/api/v1/admin/dead-letters', { cookie });
const act = (action: 'retry' | 'discard', kind: string, id: string, cookie?: string) =>
  api<{ kind: string; id: string; functionId: string }>(`/api/v1/admin/dead-letters/${kind}/${id}/${action}`, { method: 'POST', cookie });

const TRIGGER = `dead_letter_fault_${randomUUID().replaceAll('-', '')}`;
let admin: SignedIn;
let patient: SignedIn;

beforeAll(async () => {
  [admin, patient] = await Promise.all([createSignedInUser({ role: 'ADMIN' }), createSignedInUser()]);
  await pool().query(`CREATE OR REPLACE FUNCTION dead_letter_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'injected fault: dirty range % kept', OLD.id; END $$`);
});

afterAll(async () => {
  await pool().query(`DROP TRIGGER IF EXISTS ${TRIGGER} ON dirty_ranges`);
});

/** A dirty range (a day away from any edge, no samples: the recompute writes nothing and deletes it). */
const markDirty = (userId: string) => prisma.dirtyRange.create({ data: { userId, type: 'STEPS', dayFrom: new Date('2026-06-10'), dayTo: new Date('2026-06-10') } });

describe('dead letters', () => {
  it('a job failing past its retries is listed; retried after the fault is gone it succeeds; another is discarded', async () => {
    const [first, second] = await Promise.all([createUser(), createUser()]);
    await Promise.all([markDirty(first.id), markDirty(second.id)]);
    await pool().query(`CREATE TRIGGER ${TRIGGER} BEFORE DELETE ON dirty_ranges FOR EACH ROW
      WHEN (OLD.user_id IN ('${first.id}', '${second.id}')) EXECUTE FUNCTION dead_letter_test_fault()`);

    const runner = createInProcessRunner({ jobs: [aggregateJob], record: (args, work) => recordJobRun({ ...args, mode: 'in-process' }, work), baseDelayMs: 1 });
    await runner.dispatch([first, second].map((u) => ({ key: 'samplesSynced' as const, data: { userId: u.id } })));
    const runs = await prisma.jobRun.findMany({ where: { functionId: 'aggregate', userId: { in: [first.id, second.id] } }, orderBy: { attempt: 'asc' } });
    expect(runs.map((r) => r.status)).toEqual(Array(2 * (aggregateJob.retries + 1)).fill('FAILED'));
    const final = (userId: string) => runs.find((r) => r.userId === userId && r.attempt === aggregateJob.retries + 1)!;

    const listed = await list(admin.cookie);
    expect(listed.status).toBe(200);
    const mine = listed.body.entries.filter((e) => e.userId === first.id || e.userId === second.id);
    expect(mine.map((e) => e.id).sort()).toEqual([final(first.id).id.toString(), final(second.id).id.toString()].sort());
    expect(mine.find((e) => e.userId === first.id)).toMatchObject({ kind: 'job', functionId: 'aggregate', attempts: aggregateJob.retries + 1, retryable: true });
    expect(mine[0]!.error).toContain('injected fault');
    expect((await list(patient.cookie)).status).toBe(403);
    expect((await act('retry', 'job', final(first.id).id.toString(), patient.cookie)).status).toBe(403);
    // An earlier attempt is not a dead letter.
    expect((await act('retry', 'job', runs.find((r) => r.userId === first.id && r.attempt === 1)!.id.toString(), admin.cookie)).status).toBe(404);

    await pool().query(`DROP TRIGGER ${TRIGGER} ON dirty_ranges`);
    const retriedAt = new Date();
    const retried = await act('retry', 'job', final(first.id).id.toString(), admin.cookie);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ kind: 'job', functionId: 'aggregate' });
    await waitFor(
      async () =>
        (await prisma.jobRun.count({ where: { functionId: 'aggregate', userId: first.id, status: 'SUCCEEDED', startedAt: { gte: retriedAt } } })) > 0 &&
        (await prisma.dirtyRange.count({ where: { userId: first.id } })) === 0,
      'the retried aggregate run to succeed',
    );
    expect((await act('retry', 'job', final(first.id).id.toString(), admin.cookie)).status).toBe(409); // once

    const discarded = await act('discard', 'job', final(second.id).id.toString(), admin.cookie);
    expect(discarded.status).toBe(200);
    const kept = await prisma.jobRun.findUniqueOrThrow({ where: { id: final(second.id).id } });
    expect(kept.status).toBe('FAILED');
    expect(kept.discardedAt).not.toBeNull();
    expect((await act('retry', 'job', final(second.id).id.toString(), admin.cookie)).status).toBe(409);
    expect((await act('discard', 'job', final(second.id).id.toString(), admin.cookie)).status).toBe(409);

    const after = (await list(admin.cookie)).body.entries.map((e) => e.id);
    expect(after).not.toContain(final(first.id).id.toString());
    expect(after).not.toContain(final(second.id).id.toString());
  });

  it('a job run recorded without its event, whose payload is more than a user id, is listed but not retryable', async () => {
    const owner = await createUser();
    const run = await prisma.jobRun.create({ data: { functionId: 'import', userId: owner.id, mode: 'in-process', status: 'FAILED', attempt: importJob.retries + 1, error: 'Error: gone', finishedAt: new Date() } });
    const entry = (await list(admin.cookie)).body.entries.find((e) => e.id === run.id.toString());
    expect(entry).toMatchObject({ kind: 'job', functionId: 'import', retryable: false });
    const res = await act('retry', 'job', run.id.toString(), admin.cookie);
    expect(res.status).toBe(409);
    expect((await prisma.jobRun.findUniqueOrThrow({ where: { id: run.id } })).retriedAt).toBeNull();
    expect((await act('retry', 'job', 'not-a-run', admin.cookie)).status).toBe(404);
    expect((await act('retry', 'queue', run.id.toString(), admin.cookie)).status).toBe(404);
  });

  it('a failed workflow run is retried from its failed step (it completes) and another is discarded', async () => {
    const owner = await createUser();
    // As the engine leaves a run whose first step failed past its retries; the emergency does not exist,
    // so the resumed run's plan finds nothing and the workflow completes.
    const failed = () =>
      prisma.workflowRun.create({
        data: {
          functionId: 'emergency-escalation', idempotencyKey: randomUUID(), eventData: { patientId: owner.id, emergencyEventId: randomUUID() },
          status: 'FAILED', currentStep: 'plan', attempts: 5, lastError: 'Error: injected', finishedAt: new Date(),
        },
      });
    const [retryMe, discardMe] = [await failed(), await failed()];
    const listed = (await list(admin.cookie)).body.entries.filter((e) => e.kind === 'workflow' && e.userId === owner.id);
    expect(listed.map((e) => e.id).sort()).toEqual([retryMe.id, discardMe.id].sort());
    expect(listed[0]).toMatchObject({ functionId: 'emergency-escalation', step: 'plan', attempts: 5, error: 'Error: injected', retryable: true });

    expect((await act('retry', 'workflow', retryMe.id, admin.cookie)).status).toBe(202);
    const done = await waitFor(async () => {
      const run = await prisma.workflowRun.findUniqueOrThrow({ where: { id: retryMe.id } });
      return run.status === 'COMPLETED' && run;
    }, 'the retried workflow run to complete');
    expect(done.result).toMatchObject({ missing: true });

    expect((await act('discard', 'workflow', discardMe.id, admin.cookie)).status).toBe(200);
    const kept = await prisma.workflowRun.findUniqueOrThrow({ where: { id: discardMe.id } });
    expect(kept.status).toBe('FAILED');
    expect(kept.discardedAt).not.toBeNull();
    expect((await act('retry', 'workflow', discardMe.id, admin.cookie)).status).toBe(409);
    expect((await act('retry', 'workflow', retryMe.id, admin.cookie)).status).toBe(404); // not failed any more

    const after = (await list(admin.cookie)).body.entries.map((e) => e.id);
    expect(after).not.toContain(retryMe.id);
    expect(after).not.toContain(discardMe.id);
  });
});
