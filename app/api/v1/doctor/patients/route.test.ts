// Integration: GET /api/v1/doctor/patients — doctors only (403 for other roles, 401 anonymous), query
// values from allowlists (422 otherwise), and only the doctor's own active links.
import { beforeAll, describe, expect, it } from 'vitest';
import { pool } from '@/lib/db/client';
import { createSignedInUser, createUser, linkCare, setDisplayName } from '@/test/factories';
import { api } from '@/test/http';

let doctor: Awaited<ReturnType<typeof createSignedInUser>>;
let mine: { id: string };
let notMine: { id: string };

beforeAll(async () => {
  doctor = await createSignedInUser({ role: 'DOCTOR' });
  [mine, notMine] = await Promise.all([createUser(), createUser()]);
  await setDisplayName(mine.id, 'Mina Mine');
  await linkCare({ patientId: mine.id, carerId: doctor.id, kind: 'DOCTOR' });
});

describe('GET /api/v1/doctor/patients', () => {
  it('lists the doctor\'s patients with groups and counts', async () => {
    const res = await api('/api/v1/doctor/patients', { cookie: doctor.cookie });
    expect(res.status).toBe(200);
    expect(res.body.patients.map((p: { patientId: string }) => p.patientId)).toEqual([mine.id]);
    expect(res.body.patients[0]).toMatchObject({ name: 'Mina Mine', group: 'no-data', reason: 'No device has synced yet', lastReviewedAt: null });
    expect(res.body.groups).toHaveLength(14); // CGM wearers add unstable glucose (CV) and CGM wear (issue 18)
    expect(JSON.stringify(res.body)).not.toContain(notMine.id);
  });

  it('records one audit row per patient shown, and none for a patient filtered out', async () => {
    const count = async () => {
      const { rows } = await pool().query<{ n: string }>(
        `SELECT count(*)::text AS n FROM audit_log WHERE action = 'list.read-patient-data' AND actor_user_id = $1 AND patient_id = $2 AND details->>'list' = 'doctor-triage'`,
        [doctor.id, mine.id],
      );
      return Number(rows[0]!.n);
    };
    const before = await count();
    expect((await api('/api/v1/doctor/patients', { cookie: doctor.cookie })).status).toBe(200);
    expect(await count()).toBe(before + 1);
    expect((await api('/api/v1/doctor/patients?q=nobody', { cookie: doctor.cookie })).status).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('filters and sorts from the allowlists', async () => {
    const res = await api('/api/v1/doctor/patients?q=mina&group=no-data&sort=lastReviewed&order=desc', { cookie: doctor.cookie });
    expect(res.status).toBe(200);
    expect(res.body.patients).toHaveLength(1);
    expect((await api('/api/v1/doctor/patients?q=nobody', { cookie: doctor.cookie })).body.patients).toEqual([]);
  });

  it.each(['sort=email', 'group=all', 'order=up', `q=${'x'.repeat(101)}`])('422 for %s', async (query) => {
    const res = await api(`/api/v1/doctor/patients?${query}`, { cookie: doctor.cookie });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  });

  it.each(['PATIENT', 'CAREGIVER', 'ADMIN'] as const)('403 for a %s', async (role) => {
    const user = await createSignedInUser({ role });
    const res = await api('/api/v1/doctor/patients', { cookie: user.cookie });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('401 when signed out', async () => {
    expect((await api('/api/v1/doctor/patients')).status).toBe(401);
  });
});
