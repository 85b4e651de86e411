// Integration: conditional reads of a cared-for patient's complete periods. The carer is authorized
// and the read audited before any 304; a carer whose link was revoked gets 404 whatever validator it sends.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { localDate } from '@/lib/time';
import { createAggregate, createSignedInUser, linkCare } from '@/test/factories';
import { api } from '@/test/http';

const ZONE = 'Europe/Berlin';
const daysAgo = (n: number) => localDate(Date.now() - n * 86_400_000, ZONE);

let patient: Awaited<ReturnType<typeof createSignedInUser>>;
let doctor: Awaited<ReturnType<typeof createSignedInUser>>;
let caregiver: Awaited<ReturnType<typeof createSignedInUser>>;
const query = () => `?types=STEPS&period=day&from=${daysAgo(10)}&to=${daysAgo(2)}`;
const read = (who: { cookie: string }, headers: Record<string, string> = {}) => api(`/api/v1/patients/${patient.id}/aggregates${query()}`, { cookie: who.cookie, headers });

beforeAll(async () => {
  patient = await createSignedInUser({ timeZone: ZONE });
  doctor = await createSignedInUser({ role: 'DOCTOR' });
  caregiver = await createSignedInUser({ role: 'CAREGIVER' });
  await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
  await linkCare({ patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER' });
  await createAggregate({ userId: patient.id, type: 'STEPS', period: 'DAY', periodStart: daysAgo(5), value: 6400 });
});

describe('GET /api/v1/patients/:patientId/aggregates, conditionally', () => {
  it('answers the carer the same validator as the patient, 304 to it, and audits the 304', async () => {
    const own = await api(`/api/v1/users/me/aggregates${query()}`, { cookie: patient.cookie });
    const first = await read(doctor);
    expect(first.status).toBe(200);
    expect(first.body).toEqual(own.body);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    expect(etag).toBe(own.headers.get('etag'));
    const again = await read(doctor, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    const audited = await prisma.auditLog.findMany({ where: { actorUserId: doctor.id, patientId: patient.id, action: 'GET /api/v1/patients/[patientId]/aggregates' }, orderBy: { id: 'asc' } });
    expect(audited.map((row) => [row.outcome, row.details])).toEqual([['SUCCESS', { status: 200 }], ['SUCCESS', { status: 304 }]]);
  });

  it('answers 404, never 304, to a carer whose link was revoked, and to a stranger', async () => {
    const etag = (await read(caregiver)).headers.get('etag')!;
    expect((await read(caregiver, { 'if-none-match': etag })).status).toBe(304);
    await prisma.careRelationship.updateMany({ where: { patientId: patient.id, carerId: caregiver.id }, data: { revokedAt: new Date() } });
    const revoked = await read(caregiver, { 'if-none-match': etag });
    expect(revoked.status).toBe(404);
    expect(revoked.headers.get('etag')).toBeNull();
    const stranger = await createSignedInUser({ role: 'DOCTOR' });
    expect((await read(stranger, { 'if-none-match': etag })).status).toBe(404);
    expect((await read(stranger, { 'if-none-match': '*' })).status).toBe(404);
  });
});
