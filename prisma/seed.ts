// Demo data (never in production): five accounts (password `demo-password`), care teams formed by
// invitation (seed-care-team.ts), and ~30 days of overlapping multi-device data per patient, stored through the real sync path
// (validation, unit conversion, layer-1 dedup, dirty ranges), plus a Nightscout uploader relayed by two apps
// (seed-nightscout.ts: Alex, who has type 1 diabetes, uploads 14 days of CGM), and diabetes profiles (Alex:
// type 1; Jordan: type 2, meter only). Safe to run twice: it stops if seeded.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../lib/auth/password';
import { prisma } from '../lib/db/client';
import { recomputeDirtyRanges } from '../lib/data/aggregation/recompute-user';
import { registerDevice } from '../lib/data/devices';
import { encryptDisplayName } from '../lib/data/profile-fields';
import { byEmail, emailColumns } from '../lib/data/user-email';
import { vouchedAccount } from '../lib/data/users';
import { refreshInsights } from '../lib/data/insights';
import { writeDiabetesProfile } from '../lib/data/diabetes-profile';
import { createInvitation } from '../lib/data/invitations';
import { storeSyncBatch } from '../lib/data/sync-samples';
import { DEMO_PROFILES, generateDemoData, type DemoDeviceKey } from '../lib/demo';
import { type1MealMinutes } from '../lib/demo/cgm-type1';
import type { DeviceType } from '../lib/devices/device-types';
import { env } from '../lib/env';
import { MAX_SAMPLES, parseSyncBatch } from '../lib/ingest/sync-batch';
import { seedAdminDemo } from './seed-admin-demo';
import { joinByDeskCode, joinByInvitation } from './seed-care-team';
import { seedClinicalDemo } from './seed-clinical';
import { seedLabsDemo } from './seed-labs';
import { seedQuestionnairesDemo } from './seed-questionnaires';
import { seedDemoMeals } from './seed-meals';
import { seedNightscoutDemo } from './seed-nightscout';

export const DEMO_PASSWORD = 'demo-password';

const PATIENTS = [
  { email: 'patient@demo.test', name: 'Alex Morgan', timeZone: 'Europe/Berlin', profile: DEMO_PROFILES[0]! },
  { email: 'patient2@demo.test', name: 'Sam Rivera', timeZone: 'America/New_York', profile: DEMO_PROFILES[1]! },
  { email: 'patient3@demo.test', name: 'Jordan Lee', timeZone: 'Asia/Kolkata', profile: DEMO_PROFILES[2]! },
];

const DEVICES: Record<DemoDeviceKey, { name: string; type: DeviceType }> = {
  watch: { name: 'Apple Watch', type: 'watch' },
  phone: { name: 'iPhone', type: 'phone' },
  scale: { name: 'Withings Body+', type: 'scale' },
  cuff: { name: 'Omron cuff', type: 'bp_monitor' },
  glucometer: { name: 'Contour glucometer', type: 'glucometer' },
};

async function createUser(args: { email: string; name: string; role: 'PATIENT' | 'DOCTOR' | 'CAREGIVER' | 'ADMIN'; timeZone: string; passwordHash: string }) {
  const id = randomUUID();
  return prisma.user.create({
    data: {
      id,
      ...(await emailColumns(id, args.email)),
      passwordHash: args.passwordHash,
      ...vouchedAccount(args.role),
      role: args.role,
      profile: { create: { displayName: await encryptDisplayName(id, args.name), timeZone: args.timeZone } },
      preferences: { create: {} },
    },
    select: { id: true },
  });
}

async function syncDemoDevice(userId: string, timeZone: string, key: DemoDeviceKey, samples: unknown[]) {
  const device = await registerDevice(userId, DEVICES[key]);
  for (let i = 0; i < samples.length; i += MAX_SAMPLES) {
    const batch = parseSyncBatch({ samples: samples.slice(i, i + MAX_SAMPLES) }, Date.now());
    if (batch.rejected.length > 0) throw new Error(`demo data rejected: ${JSON.stringify(batch.rejected[0])}`);
    await storeSyncBatch({
      device: { id: device.id, userId, timeZone },
      samples: batch.samples,
      idempotency: null,
      buildResponse: () => ({ status: 200, body: null }),
    });
  }
  return samples.length;
}

/**
 * Further demo steps (labs, meals, …), run in order after the accounts, care teams, devices and the CGM
 * exist and before the insights are derived; each finds its accounts by e-mail. The integrator lists
 * seedDemoLabs and seedDemoMeals here.
 */
export const EXTRA_DEMO_STEPS: ((now: Date) => Promise<unknown>)[] = [
  (now) => seedLabsDemo(now, 'patient3@demo.test'),
  (now) => seedLabsDemo(now, 'patient@demo.test'),
  // Alex's meals where his CGM trace rises (the breakfasts show as a food–glucose pattern).
  async (now) => {
    const alex = await prisma.user.findUniqueOrThrow({ where: byEmail('patient@demo.test'), select: { id: true } });
    return seedDemoMeals({ patientId: alex.id, now, mealMinutes: (day) => type1MealMinutes(DEMO_PROFILES[0]!.seed, day) });
  },
  // Alex's GAD-7, scheduled by the demo doctor, answered three times (issue 19).
  (now) => seedQuestionnairesDemo(now),
];

export async function seedDemo(now = new Date()): Promise<{ seeded: boolean; samples: number }> {
  if (!env().demoMode) throw new Error('refusing to seed demo data in production (set SEED_DEMO=true to override)');
  if (await prisma.user.findUnique({ where: byEmail('patient@demo.test') })) return { seeded: false, samples: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const patientIds: string[] = [];
  let total = 0;
  for (const patient of PATIENTS) {
    const { id } = await createUser({ ...patient, role: 'PATIENT', passwordHash });
    patientIds.push(id);
    const data = generateDemoData({ profile: patient.profile, days: 30, end: now, timeZone: patient.timeZone });
    for (const key of Object.keys(DEVICES) as DemoDeviceKey[]) {
      total += await syncDemoDevice(id, patient.timeZone, key, data[key]);
    }
    // Aggregate now, so the app shows trends at once (the pipeline would do it after the first sync).
    await recomputeDirtyRanges(id);
  }
  const doctor = await createUser({ email: 'doctor@demo.test', name: 'Dr. Priya Shah', role: 'DOCTOR', timeZone: 'Europe/Berlin', passwordHash });
  const caregiver = await createUser({ email: 'caregiver@demo.test', name: 'Chris Morgan', role: 'CAREGIVER', timeZone: 'Europe/Berlin', passwordHash });
  await createUser({ email: 'admin@demo.test', name: 'Admin', role: 'ADMIN', timeZone: 'UTC', passwordHash });
  const [first, , third] = patientIds;
  const alex = { id: first!, role: 'PATIENT' as const };
  await joinByInvitation(alex, { ...doctor, role: 'DOCTOR', email: 'doctor@demo.test' });
  await joinByDeskCode({ ...doctor, role: 'DOCTOR' }, { id: third!, role: 'PATIENT' });
  await joinByInvitation(alex, { ...caregiver, role: 'CAREGIVER', email: 'caregiver@demo.test' }, { view: true, logData: true, receiveAlerts: true });
  // The demo's alerts escalate in minutes, not the quarter hours of the defaults: log a low for Alex and
  // watch Chris's bell, then Dr. Shah's, within two minutes (README, Alerts that reach people).
  await prisma.userPreferences.update({ where: { userId: alex.id }, data: { escalateAfterMinutes: 1, escalateAgainAfterMinutes: 2, recheckAfterMinutes: 1 } });
  // Waiting for someone without an account: signing up as family@demo.test finds it.
  await createInvitation(alex, { email: 'family@demo.test', role: 'CAREGIVER', permissions: { view: true, logData: false, receiveAlerts: false } });
  await seedClinicalDemo(now);
  await seedAdminDemo(now);
  total += (await seedNightscoutDemo(now))?.samples ?? 0;
  // Diabetes profiles as the doctor would set them (the same use case as PUT …/diabetes-profile).
  await writeDiabetesProfile(alex.id, doctor.id, { diabetesType: 'TYPE_1', diagnosisYear: 2009, targetHba1c: 7, targetPreset: 'STANDARD' });
  await writeDiabetesProfile(third!, doctor.id, { diabetesType: 'TYPE_2', diagnosisYear: 2016, targetHba1c: 7, targetPreset: 'STANDARD' });
  for (const step of EXTRA_DEMO_STEPS) await step(now);
  // Insights the pipeline would derive after the first syncs (medication logs included).
  for (const id of patientIds) await refreshInsights(id, now);
  return { seeded: true, samples: total };
}
