// Retention acts on the whole database by time, so this file lives in an era no other test writes to:
// now = 1966-06-15, raw cutoff 1959-06-15. Partitions before that are created here only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pool, prisma } from '@/lib/db/client';
import { decryptField } from '@/lib/crypto/fields';
import { KeyUnavailableError } from '@/lib/crypto/user-keys';
import { newEventRow } from '@/lib/data/event-fields';
import { decryptSampleRowMetadata } from '@/lib/data/sample-fields';
import { createDevice, createUser } from '@/test/factories';
import { sampleArchiveKey } from './object-key';
import { runRetention } from './retention';
import { insertAggregate, insertRawSamples, tempStore } from './test-factories';

const now = new Date('1966-06-15T00:00:00Z');
const exists = async (table: string) => (await pool().query('SELECT to_regclass($1) AS t', [table])).rows[0].t !== null;
const count = async (sql: string, params: unknown[]) => Number((await pool().query(sql, params)).rows[0].n);

let user: { id: string };
let archive: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => {
  user = await createUser();
  archive = await tempStore();
});
afterAll(() => archive.cleanup());

describe('runRetention', () => {
  it('applies every tier and records the counts', async () => {
    // Raw samples: 1959-05 ends before the cutoff (dropped whole), 1959-06 does not (kept).
    await insertRawSamples([
      { userId: user.id, type: 'STEPS', startAt: '1959-05-03T10:00:00Z', value: 100 },
      { userId: user.id, type: 'STEPS', startAt: '1959-05-31T23:59:00Z', value: 200 },
      { userId: user.id, type: 'STEPS', startAt: '1959-06-01T00:00:00Z', value: 300 },
    ]);
    // Archived months are raw samples too.
    for (const month of ['1959-04', '1959-06']) {
      await archive.store.put(sampleArchiveKey(user.id, month), new Uint8Array([1]));
      await pool().query(`INSERT INTO archives (user_id, month, location, row_count, bytes, sha256) VALUES ($1, $2::date, 'x', 1, 1, 'x')`, [user.id, `${month}-01`]);
    }
    // Aggregates: hours older than 2 years go; days and months stay forever.
    await insertAggregate({ userId: user.id, type: 'STEPS', period: 'HOUR', periodStart: '1964-06-01T10:00:00' });
    await insertAggregate({ userId: user.id, type: 'STEPS', period: 'HOUR', periodStart: '1964-07-01T10:00:00' });
    await insertAggregate({ userId: user.id, type: 'STEPS', period: 'DAY', periodStart: '1955-01-01T00:00:00' });
    await insertAggregate({ userId: user.id, type: 'STEPS', period: 'MONTH', periodStart: '1955-01-01T00:00:00' });
    // Insights by last update (their interactions go with them).
    const insight = (kind: string, status: string, updatedAt: string) =>
      pool().query<{ id: string }>(
        `INSERT INTO insights (user_id, kind, severity, status, title, body, data, window_start, window_end, created_at, updated_at)
         VALUES ($1, $2::"InsightKind", 'LOW', $3::"InsightStatus", 't', 'b', '{}', '1964-01-01', '1964-01-07', $4, $4) RETURNING id`,
        [user.id, kind, status, updatedAt],
      );
    const oldInsight = (await insight('SLEEP_DEFICIT', 'RESOLVED', '1964-01-01T00:00:00Z')).rows[0]!.id;
    const recentInsight = (await insight('SLEEP_DEFICIT', 'ACTIVE', '1965-01-01T00:00:00Z')).rows[0]!.id;
    await pool().query(`INSERT INTO insight_interactions (insight_id, user_id, action) VALUES ($1, $2, 'VIEWED')`, [oldInsight, user.id]);
    // Share tokens 30 days after expiry, idempotency keys after 24 hours, job runs after 90 days.
    for (const expiresAt of ['1966-05-01T00:00:00Z', '1966-06-01T00:00:00Z']) {
      await pool().query(`INSERT INTO share_tokens (patient_id, data_from, data_to, expires_at) VALUES ($1, '1965-01-01', '1965-02-01', $2)`, [user.id, expiresAt]);
    }
    const device = await createDevice(user.id);
    for (const createdAt of ['1966-06-13T23:00:00Z', '1966-06-14T12:00:00Z']) {
      await pool().query(`INSERT INTO idempotency_keys (device_id, key, request_hash, status_code, response, created_at) VALUES ($1, $2, 'h', 200, '{}', $3)`, [device.id, randomUUID(), createdAt]);
    }
    // Sign-in sessions a day after they started (a session lives 12 hours at most).
    for (const createdAt of ['1966-06-13T23:00:00Z', '1966-06-14T12:00:00Z']) {
      await pool().query(`INSERT INTO user_sessions (user_id, created_at) VALUES ($1, $2)`, [user.id, createdAt]);
    }
    // Account links a week after they expire; invitations once expired, or 30 days after their answer.
    for (const expiresAt of ['1966-06-07T00:00:00Z', '1966-06-09T00:00:00Z']) {
      await pool().query(`INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, 'PASSWORD_RESET', $2, $3)`, [user.id, randomUUID(), expiresAt]);
    }
    const invitation = (status: string, expiresAt: string, decidedAt: string | null) =>
      pool().query(`INSERT INTO care_invitations (inviter_id, role, status, expires_at, decided_at, token_hash) VALUES ($1, 'CAREGIVER', $2::"InvitationStatus", $3, $4, $5)`, [
        user.id, status, expiresAt, decidedAt, randomUUID(),
      ]);
    await invitation('PENDING', '1966-05-01T00:00:00Z', null);
    await invitation('ACCEPTED', '1966-07-01T00:00:00Z', '1966-05-01T00:00:00Z');
    await invitation('PENDING', '1966-06-20T00:00:00Z', null);
    await invitation('DECLINED', '1966-07-01T00:00:00Z', '1966-06-01T00:00:00Z');
    const jobFunction = `retention-test-${randomUUID()}`;
    for (const startedAt of ['1966-01-01T00:00:00Z', '1966-05-01T00:00:00Z']) {
      await pool().query(`INSERT INTO job_runs (function_id, mode, started_at) VALUES ($1, 'test', $2)`, [jobFunction, startedAt]);
      await pool().query(`INSERT INTO workflow_runs (function_id, idempotency_key, event_data, status, finished_at) VALUES ($1, $2, '{}', 'COMPLETED', $3)`, [
        jobFunction, randomUUID(), startedAt,
      ]);
    }
    await pool().query(`INSERT INTO workflow_runs (function_id, idempotency_key, event_data, status) VALUES ($1, $2, '{}', 'SLEEPING')`, [jobFunction, randomUUID()]);

    const result = await runRetention({ now, store: archive.store });

    expect(await exists('health_samples_1959_05')).toBe(false);
    expect(await exists('health_samples_1959_06')).toBe(true);
    expect(await count('SELECT count(*) AS n FROM health_samples WHERE user_id = $1', [user.id])).toBe(1);
    expect(await exists(`health_samples_${new Date().toISOString().slice(0, 7).replace('-', '_')}`)).toBe(true);

    expect(await archive.store.exists(sampleArchiveKey(user.id, '1959-04'))).toBe(false);
    expect(await archive.store.exists(sampleArchiveKey(user.id, '1959-06'))).toBe(true);
    const months = await pool().query(`SELECT to_char(month, 'YYYY-MM') AS m FROM archives WHERE user_id = $1`, [user.id]);
    expect(months.rows.map((r) => r.m)).toEqual(['1959-06']);

    const aggregates = await prisma.healthAggregate.findMany({ where: { userId: user.id }, orderBy: [{ period: 'asc' }, { periodStart: 'asc' }] });
    expect(aggregates.map((a) => [a.period, a.periodStart.toISOString().slice(0, 10)])).toEqual([
      ['HOUR', '1964-07-01'],
      ['DAY', '1955-01-01'],
      ['MONTH', '1955-01-01'],
    ]);
    expect((await prisma.insight.findMany({ where: { userId: user.id } })).map((i) => i.id)).toEqual([recentInsight]);
    expect(await prisma.insightInteraction.count({ where: { userId: user.id } })).toBe(0);
    const tokens = await prisma.shareToken.findMany({ where: { patientId: user.id } });
    expect(tokens.map((t) => t.expiresAt.toISOString())).toEqual(['1966-06-01T00:00:00.000Z']);
    const keys = await prisma.idempotencyKey.findMany({ where: { deviceId: device.id } });
    expect(keys.map((k) => k.createdAt.toISOString())).toEqual(['1966-06-14T12:00:00.000Z']);
    const sessions = await prisma.userSession.findMany({ where: { userId: user.id } });
    expect(sessions.map((k) => k.createdAt.toISOString())).toEqual(['1966-06-14T12:00:00.000Z']);
    const links = await prisma.accountToken.findMany({ where: { userId: user.id } });
    expect(links.map((t) => t.expiresAt.toISOString())).toEqual(['1966-06-09T00:00:00.000Z']);
    const invitations = await prisma.careInvitation.findMany({ where: { inviterId: user.id }, orderBy: { expiresAt: 'asc' } });
    expect(invitations.map((i) => i.status)).toEqual(['PENDING', 'DECLINED']);
    const jobs = await prisma.jobRun.findMany({ where: { functionId: jobFunction } });
    expect(jobs.map((j) => j.startedAt.toISOString())).toEqual(['1966-05-01T00:00:00.000Z']);
    const workflows = await pool().query(`SELECT status, finished_at FROM workflow_runs WHERE function_id = $1 ORDER BY finished_at NULLS LAST`, [jobFunction]);
    expect(workflows.rows.map((r) => [r.status, r.finished_at?.toISOString() ?? null])).toEqual([['COMPLETED', '1966-05-01T00:00:00.000Z'], ['SLEEPING', null]]);

    // Counts are for the whole database; this era holds only this test's rows.
    expect(result.counts).toEqual({
      health_samples_partitions: 1,
      health_samples: 2,
      archives: 1,
      health_aggregates: 1,
      share_tokens: 1,
      idempotency_keys: 1,
      user_sessions: 1,
      account_tokens: 1,
      care_invitations: 2,
      job_runs: 1,
      workflow_runs: 1,
      insights: 1,
      insight_interactions: 1,
      shredded_users: 0,
    });
    const run = await prisma.retentionRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ kind: 'RETENTION', status: 'SUCCEEDED', counts: result.counts });
  });

  it('crypto-shreds a user deleted longer ago than the grace period: keys destroyed, ciphertexts unreadable, rows gone', async () => {
    const doomed = await createUser();
    const kept = await createUser(); // deleted within the grace period: still undoable
    await insertRawSamples([{ userId: doomed.id, type: 'HEART_RATE', startAt: '1966-06-01T08:00:00Z', value: 60, metadata: { context: 'secret' } }]);
    const event = await prisma.healthEvent.create({ data: await newEventRow({ userId: doomed.id, kind: 'NOTE', occurredAt: now, payload: { text: 'secret' }, recordedById: doomed.id }) });
    await archive.store.put(sampleArchiveKey(doomed.id, '1966-05'), new Uint8Array([1]));
    await pool().query(`INSERT INTO archives (user_id, month, location, row_count, bytes, sha256) VALUES ($1, '1966-05-01', 'x', 1, 1, 'x')`, [doomed.id]);
    const [sample] = await prisma.healthSample.findMany({ where: { userId: doomed.id } });
    const profile = await prisma.profile.findUniqueOrThrow({ where: { userId: doomed.id } });
    expect(await decryptSampleRowMetadata(sample!)).toEqual({ context: 'secret' });
    await pool().query(`UPDATE users SET disabled_at = $2, deletion_requested_at = $2 WHERE id = $1`, [doomed.id, '1966-04-01T00:00:00Z']);
    await pool().query(`UPDATE users SET disabled_at = $2, deletion_requested_at = $2 WHERE id = $1`, [kept.id, '1966-06-01T00:00:00Z']);

    const result = await runRetention({ now, store: archive.store });
    expect(result.counts.shredded_users).toBe(1);

    // Copies of the ciphertexts (a backup, say) no longer decrypt.
    await expect(decryptSampleRowMetadata(sample!)).rejects.toThrow(KeyUnavailableError);
    await expect(decryptField(doomed.id, { table: 'health_events', column: 'payload', rowId: event.id }, event.payload)).rejects.toThrow(KeyUnavailableError);
    await expect(decryptField(doomed.id, { table: 'profiles', column: 'display_name', rowId: doomed.id }, profile.displayName)).rejects.toThrow(KeyUnavailableError);
    const keys = await prisma.userKey.findMany({ where: { userId: doomed.id } });
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.wrappedKey === null && k.destroyedAt !== null)).toBe(true);
    // And the rows are gone: the user, their samples, events, archives (files too).
    expect(await prisma.user.count({ where: { id: doomed.id } })).toBe(0);
    expect(await prisma.healthSample.count({ where: { userId: doomed.id } })).toBe(0);
    expect(await prisma.healthEvent.count({ where: { userId: doomed.id } })).toBe(0);
    expect(await prisma.archive.count({ where: { userId: doomed.id } })).toBe(0);
    expect(await archive.store.get(sampleArchiveKey(doomed.id, '1966-05'))).toBeNull();
    // The user within the grace period is untouched.
    expect(await prisma.user.count({ where: { id: kept.id } })).toBe(1);
    expect(await prisma.userKey.count({ where: { userId: kept.id, destroyedAt: { not: null } } })).toBe(0);
  });
});
