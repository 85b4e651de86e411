// Integration: POST /api/v1/patients/:patientId/review — only a doctor with an active link marks the
// patient reviewed, on their own link; everyone else gets the same 404.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createSignedInUser, linkCare } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
let patient: SignedIn;
let doctor: SignedIn;
let otherDoctor: SignedIn;

const review = (patientId: string, cookie?: string) => api(`/api/v1/patients/${patientId}/review`, { method: 'POST', cookie });
const reviewedAt = (carerId: string) =>
  prisma.careRelationship.findFirst({ where: { patientId: patient.id, carerId }, select: { lastReviewedAt: true } }).then((l) => l?.lastReviewedAt ?? null);

beforeAll(async () => {
  patient = await createSignedInUser();
  [doctor, otherDoctor] = await Promise.all([createSignedInUser({ role: 'DOCTOR' }), createSignedInUser({ role: 'DOCTOR' })]);
  await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
  await linkCare({ patientId: patient.id, carerId: otherDoctor.id, kind: 'DOCTOR' });
});

describe('POST /api/v1/patients/:id/review', () => {
  it('sets last_reviewed_at on the calling doctor\'s link only, and the triage list shows it', async () => {
    const before = Date.now();
    const res = await review(patient.id, doctor.cookie);
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.lastReviewedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect((await reviewedAt(doctor.id))?.toISOString()).toBe(res.body.lastReviewedAt);
    expect(await reviewedAt(otherDoctor.id)).toBeNull();
    const triage = await api('/api/v1/doctor/patients', { cookie: doctor.cookie });
    expect(triage.body.patients[0].lastReviewedAt).toBe(res.body.lastReviewedAt);
  });

  it.each([
    ['an unlinked doctor', () => createSignedInUser({ role: 'DOCTOR' })],
    ['a caregiver with a link', async () => {
      const c = await createSignedInUser({ role: 'CAREGIVER' });
      await linkCare({ patientId: patient.id, carerId: c.id, kind: 'CAREGIVER' });
      return c;
    }],
    ['a doctor whose link was revoked', async () => {
      const d = await createSignedInUser({ role: 'DOCTOR' });
      await linkCare({ patientId: patient.id, carerId: d.id, kind: 'DOCTOR', revoked: true });
      return d;
    }],
    ['the patient themselves', async () => patient],
    ['an admin', () => createSignedInUser({ role: 'ADMIN' })],
  ])('404 for %s', async (_name, make) => {
    const caller = await make();
    const res = await review(patient.id, caller.cookie);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'patient not found' } });
  });

  it('404 for a non-uuid or unknown id, 401 signed out', async () => {
    expect((await review('nope', doctor.cookie)).status).toBe(404);
    expect((await review(randomUUID(), doctor.cookie)).status).toBe(404);
    expect((await review(patient.id)).status).toBe(401);
  });
});
