// Demo questionnaires (never in production; the demo seed calls it): the demo doctor asked the demo
// patient (patient@demo.test) six weeks ago to answer the GAD-7 every 14 days, and the patient answered
// it three times since (moderate, then mild twice), through the questionnaire data layer (the path the
// routes take), so it is due again today. Safe to run twice: it stops when the patient has a schedule.
import { prisma } from '../lib/db/client';
import { createResponse } from '../lib/data/questionnaires';
import { createSchedule } from '../lib/data/questionnaires-schedules';
import { byEmail } from '../lib/data/user-email';
import { addDays, localDate } from '../lib/time';

const DAY_MS = 86_400_000;

/** The answers, `daysAgo` before now, at 19:00 UTC (an evening in Europe). */
const GAD7: { daysAgo: number; answers: number[] }[] = [
  { daysAgo: 42, answers: [2, 2, 2, 1, 1, 2, 1] }, // 11: moderate
  { daysAgo: 28, answers: [1, 2, 1, 1, 1, 1, 1] }, // 8: mild
  { daysAgo: 14, answers: [1, 1, 1, 1, 0, 1, 1] }, // 6: mild
];

export async function seedQuestionnairesDemo(now = new Date(), email = 'patient@demo.test', doctorEmail = 'doctor@demo.test'): Promise<{ schedules: number; responses: number } | null> {
  const [patient, doctor] = await Promise.all([
    prisma.user.findUnique({ where: byEmail(email), select: { id: true, profile: { select: { timeZone: true } } } }),
    prisma.user.findUnique({ where: byEmail(doctorEmail), select: { id: true } }),
  ]);
  if (!patient || !doctor) return null;
  if ((await prisma.questionnaireSchedule.count({ where: { patientId: patient.id } })) > 0) return { schedules: 0, responses: 0 };
  const scope = { patientId: patient.id, timeZone: patient.profile?.timeZone ?? 'UTC', types: 'ALL' as const };
  const askedMs = now.getTime() - 43 * DAY_MS;
  await createSchedule(scope, doctor.id, { questionnaire: 'gad7', everyDays: 14, startOn: addDays(localDate(askedMs, scope.timeZone), 1) }, askedMs);
  for (const { daysAgo, answers } of GAD7) {
    const day = new Date(now.getTime() - daysAgo * DAY_MS).toISOString().slice(0, 10);
    await createResponse(scope, patient.id, { questionnaire: 'gad7', answers, answeredAt: `${day}T19:00:00Z` }, now.getTime());
  }
  return { schedules: 1, responses: GAD7.length };
}
