// Integration: GET /api/v1/users/me/care-team — who can see what, as access is actually enforced: active
// links only, enabled accounts only, role matching the link; doctors always view and get alerts.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createSignedInUser, createUser, setDisplayName } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
let patient: SignedIn;

async function carer(role: 'DOCTOR' | 'CAREGIVER' | 'PATIENT', name: string, opts: { disabled?: boolean } = {}) {
  const user = await createUser({ role, disabled: opts.disabled });
  await setDisplayName(user.id, name);
  return user;
}

beforeAll(async () => {
  patient = await createSignedInUser();
});

describe('GET /api/v1/users/me/care-team', () => {
  it("lists the patient's doctors and caregivers with their permissions and since when", async () => {
    const [drShah, drLee, chris, sam, revoked, disabled, mislinked, otherDoctor] = await Promise.all([
      carer('DOCTOR', 'Dr. Priya Shah'),
      carer('DOCTOR', 'Dr. Lee'),
      carer('CAREGIVER', 'Chris Morgan'),
      carer('CAREGIVER', 'Sam Morgan'),
      carer('CAREGIVER', 'Former carer'),
      carer('DOCTOR', 'Disabled doctor', { disabled: true }),
      carer('PATIENT', 'A patient linked as a doctor'),
      carer('DOCTOR', "Someone else's doctor"),
    ]);
    const other = await createUser();
    const t = (day: number) => new Date(Date.UTC(2026, 9, day, 9));
    await prisma.careRelationship.createMany({
      data: [
        { patientId: patient.id, carerId: drShah.id, kind: 'DOCTOR', createdAt: t(1) },
        { patientId: patient.id, carerId: drLee.id, kind: 'DOCTOR', alertDelivery: 'DAILY_DIGEST', canView: false, createdAt: t(2) },
        { patientId: patient.id, carerId: chris.id, kind: 'CAREGIVER', canView: true, canLogData: true, canReceiveAlerts: true, createdAt: t(3) },
        { patientId: patient.id, carerId: sam.id, kind: 'CAREGIVER', canView: true, canLogData: false, canReceiveAlerts: false, createdAt: t(4) },
        { patientId: patient.id, carerId: revoked.id, kind: 'CAREGIVER', revokedAt: t(6), createdAt: t(5) },
        { patientId: patient.id, carerId: disabled.id, kind: 'DOCTOR', createdAt: t(5) },
        { patientId: patient.id, carerId: mislinked.id, kind: 'DOCTOR', createdAt: t(5) },
        { patientId: other.id, carerId: otherDoctor.id, kind: 'DOCTOR', createdAt: t(5) },
      ],
    });

    const res = await api('/api/v1/users/me/care-team', { cookie: patient.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      doctors: [
        // `linkId` is `id` under the name the care-team routes use (/api/v1/care-team/{linkId}).
        { id: expect.any(String), linkId: expect.any(String), role: 'DOCTOR', name: 'Dr. Priya Shah', email: drShah.email, since: t(1).toISOString(), permissions: { view: true, logData: false, receiveAlerts: true }, alertDelivery: 'immediate' },
        // A doctor's access does not depend on can_view (lib/data/access.ts), so it is shown as it works.
        { id: expect.any(String), linkId: expect.any(String), role: 'DOCTOR', name: 'Dr. Lee', email: drLee.email, since: t(2).toISOString(), permissions: { view: true, logData: false, receiveAlerts: true }, alertDelivery: 'daily_digest' },
      ],
      caregivers: [
        { id: expect.any(String), linkId: expect.any(String), role: 'CAREGIVER', name: 'Chris Morgan', email: chris.email, since: t(3).toISOString(), permissions: { view: true, logData: true, receiveAlerts: true }, alertDelivery: null },
        { id: expect.any(String), linkId: expect.any(String), role: 'CAREGIVER', name: 'Sam Morgan', email: sam.email, since: t(4).toISOString(), permissions: { view: true, logData: false, receiveAlerts: false }, alertDelivery: null },
      ],
    });
  });

  it('is empty for a patient without links', async () => {
    const lonely = await createSignedInUser();
    expect((await api('/api/v1/users/me/care-team', { cookie: lonely.cookie })).body).toEqual({ doctors: [], caregivers: [] });
  });

  it('answers 401 to an anonymous caller and 403 to a doctor', async () => {
    expect((await api('/api/v1/users/me/care-team')).status).toBe(401);
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    expect((await api('/api/v1/users/me/care-team', { cookie: doctor.cookie })).status).toBe(403);
  });
});
