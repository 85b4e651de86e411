// Integration: GET /api/v1/notifications and POST /api/v1/notifications/:id/read — each caller sees and
// marks only their own delivered notifications; anyone else's is "not found".
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { newNotificationTexts } from '@/lib/data/notification-fields';
import { createSignedInUser } from '@/test/factories';
import { api } from '@/test/http';

type Listed = { id: string; kind: string; status: string; title: string; readAt: string | null; sentAt: string | null };

async function createNotification(recipientId: string, opts: { status?: 'SENT' | 'SCHEDULED' | 'READ'; title?: string; minutesAgo?: number } = {}) {
  const status = opts.status ?? 'SENT';
  const at = new Date(Date.now() - (opts.minutesAgo ?? 0) * 60_000);
  return prisma.notification.create({
    data: {
      ...(await newNotificationTexts(recipientId, { title: opts.title ?? 'Hello', body: 'A test notification.' })),
      recipientId,
      patientId: recipientId,
      kind: 'test.notice',
      status,
      createdAt: at,
      sentAt: status === 'SCHEDULED' ? null : at,
      scheduledFor: status === 'SCHEDULED' ? new Date(Date.now() + 3600_000) : null,
      readAt: status === 'READ' ? at : null,
    },
  });
}

const list = (cookie?: string) => api<{ notifications: Listed[] }>('/api/v1/notifications', { cookie });
const markRead = (id: string, cookie?: string) => api(`/api/v1/notifications/${id}/read`, { method: 'POST', cookie });

describe('notifications', () => {
  it('lists the caller’s own delivered notifications, newest first; not scheduled ones, not anyone else’s', async () => {
    const [user, other] = await Promise.all([createSignedInUser(), createSignedInUser({ role: 'DOCTOR' })]);
    const older = await createNotification(user.id, { title: 'older', minutesAgo: 30 });
    const newer = await createNotification(user.id, { title: 'newer', minutesAgo: 1 });
    const read = await createNotification(user.id, { title: 'read', status: 'READ', minutesAgo: 60 });
    await createNotification(user.id, { title: 'scheduled', status: 'SCHEDULED' });
    const others = await createNotification(other.id, { title: 'someone else' });

    const res = await list(user.cookie);
    expect(res.status).toBe(200);
    expect(res.body.notifications.map((n) => n.id)).toEqual([newer.id, older.id, read.id]);
    expect(res.body.notifications[0]).toMatchObject({ kind: 'test.notice', status: 'SENT', title: 'newer', readAt: null });

    const theirs = await list(other.cookie);
    expect(theirs.body.notifications.map((n) => n.id)).toEqual([others.id]);
    expect((await list()).status).toBe(401);
  });

  it('marks one read; marking it again is harmless', async () => {
    const user = await createSignedInUser();
    const note = await createNotification(user.id);
    const res = await markRead(note.id, user.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: note.id, status: 'READ' });
    const stored = await prisma.notification.findUniqueOrThrow({ where: { id: note.id } });
    expect(stored.status).toBe('READ');
    expect(stored.readAt).not.toBeNull();
    expect((await list(user.cookie)).body.notifications[0]).toMatchObject({ id: note.id, status: 'READ' });

    const again = await markRead(note.id, user.cookie);
    expect(again.status).toBe(200);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).toEqual(stored.readAt);
  });

  it('another user’s notification, a scheduled one, an unknown or malformed id: 404; anonymous: 401', async () => {
    const [user, other] = await Promise.all([createSignedInUser(), createSignedInUser()]);
    const theirs = await createNotification(other.id);
    const scheduled = await createNotification(user.id, { status: 'SCHEDULED' });

    const res = await markRead(theirs.id, user.cookie);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe('SENT');

    expect((await markRead(scheduled.id, user.cookie)).status).toBe(404);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: scheduled.id } })).status).toBe('SCHEDULED');
    expect((await markRead(randomUUID(), user.cookie)).status).toBe(404);
    expect((await markRead('not-a-uuid', user.cookie)).status).toBe(404);
    expect((await markRead(theirs.id)).status).toBe(401);
  });
});
