// Integration: the rest of the record (issue 19) over the real PostgreSQL — /users/me/{conditions,
// allergies,emergency-contacts} and /patients/:id/… : the patient and their linked doctor add, correct and
// remove; a caregiver with view permission reads only; a caregiver without it, another doctor and a
// stranger get 404, anonymous 401; bad input is a 422 naming the field and changes nothing; free text is
// encrypted at rest; another patient's record is not found.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createSignedInUser, linkCare } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
const own = (kind: string) => `/api/v1/users/me/${kind}`;
const of = (id: string, kind: string) => `/api/v1/patients/${id}/${kind}`;

describe('the rest of the record', () => {
  let patient: SignedIn;
  let other: SignedIn;
  let doctor: SignedIn;
  let otherDoctor: SignedIn;
  let caregiver: SignedIn;
  let blindCaregiver: SignedIn;

  beforeAll(async () => {
    [patient, other, doctor, otherDoctor, caregiver, blindCaregiver] = await Promise.all([
      createSignedInUser({ timeZone: 'UTC' }),
      createSignedInUser({ timeZone: 'UTC' }),
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser({ role: 'CAREGIVER' }),
      createSignedInUser({ role: 'CAREGIVER' }),
    ]);
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    await linkCare({ patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER' });
    await linkCare({ patientId: patient.id, carerId: blindCaregiver.id, kind: 'CAREGIVER', canView: false });
  });

  it('the patient adds a coded condition, corrects and removes it; the text is encrypted at rest', async () => {
    const res = await api(own('conditions'), { json: { display: 'Type 1 diabetes mellitus', codeSystem: 'ICD10', code: 'e10.9', onsetDate: '2009-04-01', note: 'diagnosed after DKA' }, cookie: patient.cookie });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ display: 'Type 1 diabetes mellitus', codeSystem: 'ICD10', code: 'E10.9', onsetDate: '2009-04-01', clinicalStatus: 'ACTIVE', note: 'diagnosed after DKA', source: 'app', recordedById: patient.id });
    const row = await prisma.condition.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.display).not.toContain('diabetes');
    expect(row.note).not.toContain('DKA');

    const patched = await api(`${own('conditions')}/${res.body.id}`, { method: 'PATCH', json: { clinicalStatus: 'remission', note: null }, cookie: patient.cookie });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ clinicalStatus: 'REMISSION', note: null, code: 'E10.9', display: 'Type 1 diabetes mellitus' });

    // Another patient cannot reach it.
    expect((await api(`${own('conditions')}/${res.body.id}`, { method: 'PATCH', json: { note: 'x' }, cookie: other.cookie })).status).toBe(404);
    expect((await api(`${own('conditions')}/${res.body.id}`, { method: 'DELETE', cookie: other.cookie })).status).toBe(404);
    expect((await api(`${own('conditions')}/not-a-uuid`, { method: 'DELETE', cookie: other.cookie })).status).toBe(404);
    expect((await api(own('conditions'), { cookie: other.cookie })).body).toEqual({ conditions: [] });

    expect((await api(`${own('conditions')}/${res.body.id}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(204);
    expect(await prisma.condition.count({ where: { id: res.body.id } })).toBe(0);
  });

  it('refuses bad input with the field named, changing nothing', async () => {
    const created = await api(own('allergies'), { json: { substance: 'Penicillin', reaction: 'hives', severity: 'moderate' }, cookie: patient.cookie });
    expect(created.status).toBe(201);
    const counts = () => Promise.all([prisma.condition.count({ where: { userId: patient.id } }), prisma.allergy.count({ where: { userId: patient.id } }), prisma.emergencyContact.count({ where: { userId: patient.id } })]);
    const before = await counts();
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['conditions', { display: '' }, 'display', /empty/],
      ['conditions', { display: 'Asthma', code: 'J45' }, 'codeSystem', /required with a code/],
      ['conditions', { display: 'Asthma', codeSystem: 'ICD10', code: 'asthma!' }, 'code', /ICD-10/],
      ['conditions', { display: 'Asthma', codeSystem: 'SNOMED', code: '12' }, 'code', /SNOMED/],
      ['conditions', { display: 'Asthma', codeSystem: 'LOINC', code: '195967001' }, 'codeSystem', /ICD10 or SNOMED/],
      ['conditions', { display: 'Asthma', onsetDate: '2099-01-01' }, 'onsetDate', /./],
      ['conditions', { display: 'Asthma', clinicalStatus: 'cured' }, 'clinicalStatus', /one of/],
      ['conditions', { display: 'Asthma', userId: other.id }, '(body)', /./],
      ['allergies', { substance: 'Peanut', severity: 'deadly' }, 'severity', /one of MILD, MODERATE, SEVERE/],
      ['allergies', { substance: 'Peanut', criticality: 'very' }, 'criticality', /one of/],
      ['allergies', { substance: 'Peanut', codeSystem: 'RXNORM', code: 'abc' }, 'code', /RxNorm/],
      ['emergency-contacts', { name: 'Ann', relation: 'mother', phone: 'call me' }, 'phone', /phone number/],
      ['emergency-contacts', { name: 'Ann', relation: 'mother', phone: '+1 23' }, 'phone', /6 to 20 digits/],
      ['emergency-contacts', { name: 'Ann', relation: 'mother', phone: '+44 20 7946 0000', priority: 0 }, 'priority', /1 or more/],
      ['emergency-contacts', { relation: 'mother', phone: '+44 20 7946 0000' }, 'name', /text/],
    ];
    for (const [kind, json, field, reason] of cases) {
      const res = await api(own(kind), { json, cookie: patient.cookie });
      expect(res.status, `${kind} ${JSON.stringify(json)}`).toBe(422);
      const details = res.body.error.details as { field: string; reason: string }[];
      if (field === '(body)') expect(details.length).toBeGreaterThan(0);
      else expect(details, `${kind} ${JSON.stringify(json)}`).toEqual(expect.arrayContaining([expect.objectContaining({ field, reason: expect.stringMatching(reason) })]));
    }
    // A correction that breaks a rule changes nothing either.
    const bad = await api(`${own('allergies')}/${created.body.id}`, { method: 'PATCH', json: { code: '7980' }, cookie: patient.cookie });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe('codeSystem');
    expect(await counts()).toEqual(before);
    const row = await prisma.allergy.findUniqueOrThrow({ where: { id: created.body.id } });
    expect([row.code, row.severity]).toEqual([null, 'MODERATE']);
  });

  it('a linked doctor adds, corrects and removes; a caregiver with view reads only; others 404, anonymous 401', async () => {
    for (const [kind, json] of [
      ['conditions', { display: 'Essential hypertension', codeSystem: 'ICD10', code: 'I10', onsetDate: '2018-02-03' }],
      ['allergies', { substance: 'Cashew nuts', codeSystem: 'SNOMED', code: '227493005', reaction: 'anaphylaxis', severity: 'severe', criticality: 'high' }],
      ['emergency-contacts', { name: 'Ann Example', relation: 'mother', phone: '+44 20 7946 0000', priority: 1 }],
    ] as const) {
      const res = await api(of(patient.id, kind), { json, cookie: doctor.cookie });
      expect(res.status, kind).toBe(201);
      const id = res.body.id as string;
      // The caregiver reads it; writing is refused.
      const read = await api(of(patient.id, kind), { cookie: caregiver.cookie });
      expect(read.status).toBe(200);
      expect(JSON.stringify(read.body)).toContain(id);
      expect((await api(of(patient.id, kind), { json, cookie: caregiver.cookie })).status).toBe(403);
      expect((await api(`${of(patient.id, kind)}/${id}`, { method: 'DELETE', cookie: caregiver.cookie })).status).toBe(403);
      for (const stranger of [blindCaregiver, otherDoctor]) {
        expect((await api(of(patient.id, kind), { cookie: stranger.cookie })).status).toBe(404);
      }
      expect((await api(of(patient.id, kind), { json, cookie: otherDoctor.cookie })).status).toBe(404);
      expect((await api(`${of(patient.id, kind)}/${id}`, { method: 'PATCH', json: {}, cookie: otherDoctor.cookie })).status).toBe(404);
      // The doctor of this patient cannot reach it through another patient's URL.
      expect((await api(`${of(other.id, kind)}/${id}`, { method: 'PATCH', json: {}, cookie: doctor.cookie })).status).toBe(404);
      expect((await api(of(patient.id, kind))).status).toBe(401);
      expect((await api(own(kind))).status).toBe(401);
      expect((await api(own(kind), { cookie: doctor.cookie })).status).toBe(403);
      expect((await api(of(patient.id, kind), { cookie: patient.cookie })).status).toBe(403);
    }
    const allergies = await api(own('allergies'), { cookie: patient.cookie });
    // Dangerous first, marked.
    expect(allergies.body.allergies.map((a: { substance: string; dangerous: boolean }) => [a.substance, a.dangerous])).toEqual([['Cashew nuts', true], ['Penicillin', false]]);
    const contact = (await api(own('emergency-contacts'), { cookie: patient.cookie })).body.emergencyContacts[0];
    const row = await prisma.emergencyContact.findUniqueOrThrow({ where: { id: contact.id } });
    expect(row.name).not.toContain('Ann');
    expect(row.phone).not.toContain('7946');

    const patched = await api(`${of(patient.id, 'emergency-contacts')}/${contact.id}`, { method: 'PATCH', json: { phone: '+44 20 7946 0999' }, cookie: doctor.cookie });
    expect(patched.body).toMatchObject({ name: 'Ann Example', phone: '+44 20 7946 0999' });
    expect((await api(`${of(patient.id, 'emergency-contacts')}/${contact.id}`, { method: 'DELETE', cookie: doctor.cookie })).status).toBe(204);

    // Reads and writes by others are audited under the patient.
    const audited = await prisma.auditLog.findMany({ where: { actorUserId: doctor.id, patientId: patient.id }, select: { action: true } });
    expect(audited.length).toBeGreaterThanOrEqual(4);
    const byCaregiver = await prisma.auditLog.count({ where: { actorUserId: caregiver.id, patientId: patient.id } });
    expect(byCaregiver).toBeGreaterThanOrEqual(3);
  });
});
