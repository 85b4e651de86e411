// Integration (HTTP): the development outbox pages on the test server (development mode). Admins see
// the newest messages with their status and open one (audited); everyone else is sent home; an unknown
// message is not found. (Production hides the pages: lib/mail/config.test.ts.)
import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { enqueueMail } from '@/lib/mail/enqueue';
import { createSignedInUser, createUser } from '@/test/factories';
import { api } from '@/test/http';

const notFound = (res: { status: number; body: unknown }) => res.status === 404 || String(res.body).includes('NEXT_HTTP_ERROR_FALLBACK;404');

let admin: Awaited<ReturnType<typeof createSignedInUser>>;
let patient: Awaited<ReturnType<typeof createUser>>;
let messageId: string;
const token = randomBytes(24).toString('base64url');

beforeAll(async () => {
  admin = await createSignedInUser({ role: 'ADMIN' });
  patient = await createUser();
  // Queued for later (a message due now could be delivered meanwhile; either way it is listed).
  ({ id: messageId } = await enqueueMail(prisma, {
    to: patient.email, template: 'verify-email', data: { token, validHours: 24 }, userId: patient.id, sendAt: new Date(Date.now() + 3600_000),
  }));
  await prisma.mailMessage.update({ where: { id: messageId }, data: { attempts: 2, lastError: '451 4.3.0 Try again later' } });
}, 120_000);

describe('/admin/outbox', () => {
  it('lists the message for an admin: recipient, subject, status, attempts and last error; the nav links to it', async () => {
    const res = await api<string>('/admin/outbox', { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toContain(patient.email);
    expect(res.body).toContain('Confirm your e-mail address for Pulse');
    expect(res.body).toContain(`/admin/outbox/${messageId}`);
    expect(res.body).toContain('451 4.3.0 Try again later');
    expect(res.body).toContain('Queued');
    expect(res.body).toContain('Mail outbox');
  });

  it('shows one message as it reads, and records the view', async () => {
    const res = await api<string>(`/admin/outbox/${messageId}`, { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toContain(`/verify-email?token=${token}`);
    expect(res.body).toContain(patient.email);
    const rows = await prisma.auditLog.findMany({ where: { actorUserId: admin.id, action: 'page.read-mail' } });
    expect(rows).toMatchObject([{ outcome: 'SUCCESS', targetType: 'mail_messages', targetId: messageId, patientId: patient.id }]);
  });

  it('an unknown message is not found (and the attempt recorded)', async () => {
    const unknown = randomUUID();
    expect(notFound(await api(`/admin/outbox/${unknown}`, { cookie: admin.cookie }))).toBe(true);
    expect(notFound(await api('/admin/outbox/not-a-uuid', { cookie: admin.cookie }))).toBe(true);
    const rows = await prisma.auditLog.findMany({ where: { actorUserId: admin.id, action: 'page.read-mail', targetId: unknown } });
    expect(rows).toMatchObject([{ outcome: 'DENIED', targetType: 'mail_messages', patientId: null }]);
  });

  it('is not for anyone but admins: sent home, the message never shown', async () => {
    for (const role of ['PATIENT', 'DOCTOR', 'CAREGIVER'] as const) {
      const user = await createSignedInUser({ role });
      for (const page of ['/admin/outbox', `/admin/outbox/${messageId}`]) {
        const res = await api<string>(page, { cookie: user.cookie });
        expect(res.status, `${role} ${page}`).toBe(307);
        expect(res.headers.get('location')).toMatch(/\/$/);
        expect(String(res.body)).not.toContain(token);
      }
    }
    const anonymous = await api('/admin/outbox');
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get('location')).toContain('/login');
  });
});
