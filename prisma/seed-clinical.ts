// Clinical demo data on top of seed.ts (never in production; seedDemo checks): medications with a month
// of dose logs and a few timeline events for the demo patients, a doctor's earlier review, and a second
// caregiver whose links show the permission model (Jordan Lee: view + alerts, no logging; Alex Morgan:
// alerts only, no view). Safe to run twice: it stops when caregiver2@demo.test exists.
import { randomUUID } from 'node:crypto';
import { prisma } from '../lib/db/client';
import { newEventRow } from '../lib/data/event-fields';
import { raiseMissedMedicationAlerts } from '../lib/data/medication-alerts';
import { logDose, markMissedDoses } from '../lib/data/medication-doses';
import { createMedication } from '../lib/data/medications';
import { joinByInvitation } from './seed-care-team';
import { encryptDisplayName } from '../lib/data/profile-fields';
import { byEmail, emailColumns } from '../lib/data/user-email';
import { vouchedAccount } from '../lib/data/users';
import type { MedicationLogStatus } from '../lib/generated/prisma/enums';
import { addDays, localDate, zonedDayRangeUtc } from '../lib/time';

const DAY_MS = 86_400_000;
const MIN_MS = 60_000;

type Dose = { minutes: number; status: (day: number) => MedicationLogStatus };

// Deterministic dose patterns (day = days before today): about 85 % adherence, some late, missed, skipped.
const MEDICATIONS: { name: string; dosage: string; times: string[]; critical: boolean; doses: Dose[] }[] = [
  {
    name: 'Metformin',
    dosage: '500 mg tablet',
    times: ['08:00', '20:00'],
    critical: false,
    doses: [
      { minutes: 8 * 60, status: (d) => (d % 9 === 4 ? 'TAKEN_LATE' : 'TAKEN') },
      { minutes: 20 * 60, status: (d) => (d % 4 === 1 ? 'MISSED' : d % 7 === 3 ? 'TAKEN_LATE' : 'TAKEN') },
    ],
  },
  {
    name: 'Insulin glargine',
    dosage: '18 units',
    times: ['21:30'],
    critical: true,
    doses: [{ minutes: 21 * 60 + 30, status: (d) => (d === 2 || d === 11 || d === 12 ? 'MISSED' : d === 17 ? 'SKIPPED' : 'TAKEN') }],
  },
];

async function idOf(email: string): Promise<{ id: string; timeZone: string }> {
  const user = await prisma.user.findUniqueOrThrow({ where: byEmail(email), select: { id: true, profile: { select: { timeZone: true } } } });
  return { id: user.id, timeZone: user.profile?.timeZone ?? 'UTC' };
}

/**
 * Each medication prescribed by the demo doctor through the real path, as if a month ago; then the month
 * day by day as it happened: the doses the patient logged (taken, late, skipped), and at the end of each
 * day the sweep's pass (the doses nobody logged written missed; two insulin doses missed in a row raise
 * the MISSED_MEDICATION emergency to the patient and Taylor, and the next dose taken resolves it).
 */
async function seedMedications(patient: { id: string; timeZone: string }, doctorId: string, now: Date) {
  const nowMs = now.getTime();
  const today = localDate(nowMs, patient.timeZone);
  const target = { patientId: patient.id, timeZone: patient.timeZone, recordedById: patient.id };
  const writer = { patientId: patient.id, timeZone: patient.timeZone, actorId: doctorId, asDoctor: true };
  const prescribed: { id: string; doses: Dose[] }[] = [];
  for (const med of MEDICATIONS) {
    const { id } = await createMedication(writer, { name: med.name, dose: med.dosage, schedule: { kind: 'daily', times: med.times }, startedOn: addDays(today, -120), critical: med.critical }, nowMs);
    await prisma.medication.update({ where: { id }, data: { createdAt: new Date(nowMs - 31 * DAY_MS) } });
    prescribed.push({ id, doses: med.doses });
  }
  for (let day = 30; day >= 0; day--) {
    const dayStart = zonedDayRangeUtc(addDays(today, -day), patient.timeZone).startMs;
    for (const { id, doses } of prescribed) {
      for (const dose of doses) {
        const scheduledMs = dayStart + dose.minutes * MIN_MS;
        if (scheduledMs > nowMs - 60 * MIN_MS) continue; // still within its window: due, not yet logged
        const status = dose.status(day);
        const scheduledFor = new Date(scheduledMs).toISOString();
        const at = (minutes: number) => new Date(scheduledMs + minutes * MIN_MS).toISOString();
        if (status === 'TAKEN') await logDose(target, id, { status: 'taken', scheduledFor, takenAt: at(5) }, scheduledMs + 5 * MIN_MS);
        else if (status === 'TAKEN_LATE') await logDose(target, id, { status: 'taken', scheduledFor, takenAt: at(95) }, scheduledMs + 95 * MIN_MS);
        else if (status === 'SKIPPED') await logDose(target, id, { status: 'skipped', scheduledFor, reason: 'Felt unwell' }, scheduledMs + 5 * MIN_MS);
      }
    }
    const sweepMs = Math.min(nowMs, dayStart + DAY_MS);
    await markMissedDoses(sweepMs, patient.id, 31 * DAY_MS);
    await raiseMissedMedicationAlerts(sweepMs, patient.id);
  }
}

// Event payloads as the entry API writes them (lib/data/entries.ts), encrypted.
function event(userId: string, recordedById: string, kind: 'MOOD' | 'SYMPTOM' | 'NOTE', at: number, payload: Record<string, unknown>) {
  return newEventRow({ userId, recordedById, kind, occurredAt: new Date(at), payload });
}

export async function seedClinicalDemo(now = new Date()): Promise<void> {
  if (await prisma.user.findUnique({ where: byEmail('caregiver2@demo.test') })) return;
  const [alex, jordan, doctor, chris] = await Promise.all(
    ['patient@demo.test', 'patient3@demo.test', 'doctor@demo.test', 'caregiver@demo.test'].map(idOf),
  );
  const t = now.getTime();

  await prisma.healthEvent.createMany({
    data: await Promise.all([
      event(jordan.id, jordan.id, 'SYMPTOM', t - 5 * DAY_MS - 3 * 3600_000, { name: 'Dizziness', severity: 2, note: 'After standing up quickly.' }),
      event(jordan.id, jordan.id, 'NOTE', t - 3 * DAY_MS - 5 * 3600_000, { text: 'Felt shaky before lunch; had juice and a snack, better after 20 minutes.' }),
      event(jordan.id, jordan.id, 'MOOD', t - DAY_MS, { score: 3, note: null }),
      event(alex.id, alex.id, 'MOOD', t - 2 * DAY_MS, { score: 4, note: 'Good run this morning.' }),
      event(alex.id, chris.id, 'NOTE', t - DAY_MS - 2 * 3600_000, { text: 'Slept badly after a late shift; says the new running shoes help.' }),
    ]),
  });

  // Alex was last reviewed nine days ago; Jordan never.
  await prisma.careRelationship.updateMany({
    where: { patientId: alex.id, carerId: doctor.id, kind: 'DOCTOR' },
    data: { lastReviewedAt: new Date(t - 9 * DAY_MS) },
  });

  // Every demo account has the same password: reuse the doctor's hash (no import cycle with seed.ts).
  const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id: doctor.id }, select: { passwordHash: true } });
  const caregiver2Id = randomUUID();
  const caregiver2 = await prisma.user.create({
    data: {
      id: caregiver2Id,
      ...(await emailColumns(caregiver2Id, 'caregiver2@demo.test')),
      passwordHash,
      ...vouchedAccount('CAREGIVER'),
      role: 'CAREGIVER',
      profile: { create: { displayName: await encryptDisplayName(caregiver2Id, 'Taylor Lee'), timeZone: 'Asia/Kolkata' } },
      preferences: { create: {} },
    },
    select: { id: true },
  });
  const taylor = { ...caregiver2, role: 'CAREGIVER' as const, email: 'caregiver2@demo.test' };
  await joinByInvitation({ id: jordan.id, role: 'PATIENT' }, taylor, { view: true, logData: false, receiveAlerts: true });
  await joinByInvitation({ id: alex.id, role: 'PATIENT' }, taylor, { view: false, logData: false, receiveAlerts: true });
  // After Taylor joined, so the missed-insulin emergency of 11 days ago reaches them.
  await seedMedications(jordan, doctor.id, now);
}
