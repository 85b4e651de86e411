// The demo's lab results: entered through the labs data layer for the named patient, by their linked
// doctor, flagged as the product reads them; a second run adds nothing.
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { listLabResults } from '@/lib/data/labs';
import { createUser, linkCare } from '@/test/factories';
import { seedLabsDemo } from './seed-labs';

describe('seedLabsDemo', () => {
  it('gives the patient HbA1c, lipid, kidney results, recorded by their doctor, once', async () => {
    const [patient, doctor] = await Promise.all([createUser({ timeZone: 'Asia/Kolkata' }), createUser({ role: 'DOCTOR' })]);
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    const now = new Date(Date.UTC(2026, 10, 20, 12));
    expect(await seedLabsDemo(now, patient.email)).toEqual({ results: 19 });
    expect(await seedLabsDemo(now, patient.email)).toEqual({ results: 0 });
    const results = await listLabResults({ patientId: patient.id, timeZone: 'Asia/Kolkata', types: 'ALL' }, { withGmi: false });
    expect(results).toHaveLength(19);
    expect(results.every((r) => r.recordedById === doctor.id)).toBe(true);
    const hba1c = results.filter((r) => r.code === '4548-4').map((r) => [r.effectiveAt.slice(0, 10), r.value, r.flag]);
    expect(hba1c).toEqual([['2026-11-15', 7.1, 'high'], ['2026-08-22', 7.3, 'high'], ['2026-05-24', 7.82, 'high'], ['2026-02-23', 7.9, 'high'], ['2025-11-25', 8.4, 'high']]);
    expect(results.find((r) => r.code === '33914-3')).toMatchObject({ value: 62, flag: null });
    expect(results.find((r) => r.code === '9318-7')).toMatchObject({ value: 34, flag: 'high' });
    expect(await prisma.labResult.count({ where: { userId: patient.id, note: { not: null } } })).toBe(3);
  });
});
