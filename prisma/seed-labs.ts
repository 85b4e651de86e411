// Demo lab results (never in production; the demo seed calls it): the demo patient with type 2 diabetes
// (patient3@demo.test, or whom the caller names) gets a year of HbA1c every three months, two lipid
// panels, creatinine, eGFR and a urine albumin-to-creatinine ratio, entered through the labs data layer
// as a doctor would (their linked doctor, else themself). Safe to run twice: it stops when the patient has
// lab results.
import { prisma } from '../lib/db/client';
import { createLabResult, type LabInput } from '../lib/data/labs';
import { byEmail } from '../lib/data/user-email';

const DAY_MS = 86_400_000;

/** The results, `daysAgo` before `now`, at 08:30 UTC (a morning blood draw in Europe and Asia). */
const RESULTS: (Omit<LabInput, 'effectiveAt'> & { daysAgo: number })[] = [
  { daysAgo: 360, code: '4548-4', value: 8.4, unit: '%' },
  { daysAgo: 270, code: '4548-4', value: 7.9, unit: '%' },
  { daysAgo: 180, code: '4548-4', value: 62, unit: 'mmol/mol', note: 'Reported by the lab in IFCC units' },
  { daysAgo: 90, code: '4548-4', value: 7.3, unit: '%' },
  { daysAgo: 5, code: '4548-4', value: 7.1, unit: '%', note: 'Insulin titrated in spring' },
  { daysAgo: 180, code: '2093-3', value: 221, unit: 'mg/dL' },
  { daysAgo: 180, code: '18262-6', value: 138, unit: 'mg/dL' },
  { daysAgo: 180, code: '2085-9', value: 38, unit: 'mg/dL' },
  { daysAgo: 180, code: '2571-8', value: 212, unit: 'mg/dL' },
  { daysAgo: 5, code: '2093-3', value: 186, unit: 'mg/dL' },
  { daysAgo: 5, code: '18262-6', value: 97, unit: 'mg/dL', note: 'On atorvastatin 20 mg' },
  { daysAgo: 5, code: '2085-9', value: 42, unit: 'mg/dL' },
  { daysAgo: 5, code: '2571-8', value: 168, unit: 'mg/dL' },
  { daysAgo: 180, code: '2160-0', value: 1.05, unit: 'mg/dL' },
  { daysAgo: 180, code: '33914-3', value: 71, unit: 'mL/min/{1.73_m2}' },
  { daysAgo: 5, code: '2160-0', value: 1.18, unit: 'mg/dL' },
  { daysAgo: 5, code: '33914-3', value: 62, unit: 'mL/min/{1.73_m2}' },
  { daysAgo: 5, code: '9318-7', value: 34, unit: 'mg/g' },
  { daysAgo: 5, code: '1558-6', value: 7.4, unit: 'mmol/L' },
];

export async function seedLabsDemo(now = new Date(), email = 'patient3@demo.test'): Promise<{ results: number } | null> {
  const patient = await prisma.user.findUnique({ where: byEmail(email), select: { id: true, profile: { select: { timeZone: true } } } });
  if (!patient) return null;
  if ((await prisma.labResult.count({ where: { userId: patient.id } })) > 0) return { results: 0 };
  const doctor = await prisma.careRelationship.findFirst({ where: { patientId: patient.id, kind: 'DOCTOR', revokedAt: null }, select: { carerId: true } });
  const scope = { patientId: patient.id, timeZone: patient.profile?.timeZone ?? 'UTC', types: 'ALL' as const };
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString().slice(0, 10);
  for (const { daysAgo, ...input } of RESULTS) {
    await createLabResult(scope, doctor?.carerId ?? patient.id, { ...input, effectiveAt: `${day(daysAgo)}T08:30:00Z` }, now.getTime());
  }
  return { results: RESULTS.length };
}
