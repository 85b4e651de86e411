// Integration (HTTP, real PostgreSQL): carers and meals — a doctor and a caregiver with view read the
// patient's meals and photos; a caregiver with can_log_data records a meal for the patient (as them),
// attaches its photo and deletes only what they recorded; everyone else gets the same 404.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { TINY_PNG } from '@/test/authorization-meals';
import { createSignedInUser, linkCare } from '@/test/factories';
import { api, baseUrl } from '@/test/http';

let patient: { id: string; cookie: string };
let doctor: { id: string; cookie: string };
let logger: { id: string; cookie: string };
let viewer: { id: string; cookie: string };
let stranger: { id: string; cookie: string };

beforeAll(async () => {
  [patient, doctor, logger, viewer, stranger] = await Promise.all([
    createSignedInUser({ timeZone: 'America/New_York' }),
    createSignedInUser({ role: 'DOCTOR' }),
    createSignedInUser({ role: 'CAREGIVER' }),
    createSignedInUser({ role: 'CAREGIVER' }),
    createSignedInUser({ role: 'CAREGIVER' }),
  ]);
  await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
  await prisma.careRelationship.create({ data: { patientId: patient.id, carerId: logger.id, kind: 'CAREGIVER', canView: true, canLogData: true } });
  await linkCare({ patientId: patient.id, carerId: viewer.id, kind: 'CAREGIVER', canView: true });
});

const base = () => `/api/v1/patients/${patient.id}/meals`;
const putPhoto = (path: string, cookie: string) => fetch(`${baseUrl()}${path}`, { method: 'PUT', headers: { cookie }, body: TINY_PNG });

describe('carers and meals', () => {
  it('lets a caregiver with can_log_data record a meal (as them), attach its photo and delete it; only them', async () => {
    const created = await api(base(), { cookie: logger.cookie, json: { mealType: 'lunch', eatenAt: '2026-11-05T17:00:00Z', carbsGrams: 60, description: 'Pasta' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ patientId: patient.id, recordedById: logger.id, description: 'Pasta' });
    const id = created.body.id as string;
    expect((await putPhoto(`${base()}/${id}/photo`, logger.cookie)).status).toBe(204);

    // Readers: the doctor and the viewing caregiver see it and its photo; a stranger does not.
    for (const reader of [doctor, viewer, logger]) {
      const list = await api(`${base()}?from=2026-11-05&to=2026-11-05`, { cookie: reader.cookie });
      expect(list.status).toBe(200);
      expect(list.body.meals.map((m: { id: string; hasPhoto: boolean }) => [m.id, m.hasPhoto])).toEqual([[id, true]]);
      const photo = await fetch(`${baseUrl()}${base()}/${id}/photo`, { headers: { cookie: reader.cookie } });
      expect(photo.status).toBe(200);
      expect(Buffer.from(await photo.arrayBuffer()).equals(TINY_PNG)).toBe(true);
    }
    expect((await api(`${base()}?from=2026-11-05&to=2026-11-05`, { cookie: stranger.cookie })).status).toBe(404);
    expect((await api(`${base()}/${id}/photo`, { cookie: stranger.cookie })).status).toBe(404);

    // Writers: the viewer, the doctor and a stranger cannot add, photograph or delete.
    for (const other of [viewer, doctor, stranger]) {
      expect((await api(base(), { cookie: other.cookie, json: { mealType: 'snack' } })).status).toBe(404);
      expect((await putPhoto(`${base()}/${id}/photo`, other.cookie)).status).toBe(404);
      expect((await api(`${base()}/${id}`, { method: 'DELETE', cookie: other.cookie })).status).toBe(404);
    }
    // The caregiver deletes only what they recorded; the patient any of theirs.
    const own = await api('/api/v1/users/me/meals', { cookie: patient.cookie, json: { mealType: 'dinner', eatenAt: '2026-11-05T23:00:00Z' } });
    expect((await api(`${base()}/${own.body.id}`, { method: 'DELETE', cookie: logger.cookie })).status).toBe(404);
    expect((await api(`${base()}/${id}`, { method: 'DELETE', cookie: logger.cookie })).status).toBe(204);
    expect((await api(`/api/v1/users/me/meals/${own.body.id}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(204);
    expect(await prisma.meal.count({ where: { userId: patient.id } })).toBe(0);
  });

  it('refuses a bad body from the caregiver with 422 naming the field, and a refused caller before reading it', async () => {
    const bad = await api(base(), { cookie: logger.cookie, json: { mealType: 'lunch', carbsGrams: -1 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe('carbsGrams');
    expect((await api(base(), { cookie: stranger.cookie, json: { mealType: 'nope' } })).status).toBe(404);
  });
});
