// A doctor's questionnaire schedules ("GAD-7 every 14 days") and what is due for the patient today. A
// schedule is first due on next_due_on (the patient's local date); after that it is due every_days after
// the last current response of that questionnaire (retracting one makes the questionnaire due again).
// Stopping keeps the schedule as a record.
import { z } from 'zod';
import { prisma } from '../db/client';
import { ApiError, notFound } from '../http/errors';
import { questionnaireByCode, QUESTIONNAIRE_CODES } from '../questionnaires/registry';
import { addDays, localDate } from '../time';
import type { ReadScope } from './access';
import { listResponses } from './questionnaires';

export const scheduleInput = z
  .object({
    questionnaire: z.string({ error: `must be one of ${QUESTIONNAIRE_CODES.join(', ')}` }),
    everyDays: z.number({ error: 'must be a whole number of days from 1 to 365' }).int('must be a whole number of days').min(1, 'must be at least 1').max(365, 'must be at most 365'),
    /** The first due date (the patient's local date); today when absent. */
    startOn: z.iso.date({ error: 'must be a date YYYY-MM-DD' }).optional(),
  })
  .strict();
export type ScheduleInput = z.output<typeof scheduleInput>;

export type ScheduleAnswer = {
  id: string; questionnaire: string; title: string; everyDays: number;
  /** The patient's local date it is next due (today or earlier: due now). */
  nextDueOn: string; due: boolean; createdById: string; createdAt: string; stoppedAt: string | null;
};

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

type Row = Awaited<ReturnType<typeof prisma.questionnaireSchedule.findMany>>[number];

async function answersOf(scope: ReadScope, rows: readonly Row[], nowMs: number): Promise<ScheduleAnswer[]> {
  if (rows.length === 0) return [];
  const today = localDate(nowMs, scope.timeZone);
  const responses = await listResponses(scope);
  return rows.flatMap((r) => {
    const d = questionnaireByCode(r.questionnaire);
    if (!d) return [];
    // Only an answer given since the doctor asked counts towards the schedule.
    const last = responses.find((a) => a.questionnaire === r.questionnaire && Date.parse(a.answeredAt) >= r.createdAt.getTime());
    const first = dayOf(r.nextDueOn);
    const afterLast = last ? addDays(localDate(Date.parse(last.answeredAt), scope.timeZone), r.everyDays) : null;
    const nextDueOn = afterLast && afterLast > first ? afterLast : first;
    return [{
      id: r.id, questionnaire: r.questionnaire, title: d.shortTitle, everyDays: r.everyDays, nextDueOn, due: r.stoppedAt === null && nextDueOn <= today,
      createdById: r.createdById, createdAt: r.createdAt.toISOString(), stoppedAt: r.stoppedAt?.toISOString() ?? null,
    }];
  });
}

/** The doctor schedules a questionnaire for the scope's patient (the caller checked as their doctor). */
export async function createSchedule(scope: ReadScope, doctorId: string, input: ScheduleInput, nowMs = Date.now()): Promise<ScheduleAnswer> {
  if (!questionnaireByCode(input.questionnaire)) {
    throw new ApiError('VALIDATION_ERROR', `questionnaire must be one of ${QUESTIONNAIRE_CODES.join(', ')}`, [{ field: 'questionnaire', reason: `must be one of ${QUESTIONNAIRE_CODES.join(', ')}` }]);
  }
  const today = localDate(nowMs, scope.timeZone);
  const startOn = input.startOn ?? today;
  if (startOn < today || startOn > addDays(today, 365)) throw new ApiError('VALIDATION_ERROR', 'startOn must be between today and a year from now', [{ field: 'startOn', reason: `must be between ${today} and ${addDays(today, 365)}` }]);
  const row = await prisma.questionnaireSchedule.create({
    data: { patientId: scope.patientId, questionnaire: input.questionnaire, everyDays: input.everyDays, nextDueOn: new Date(`${startOn}T00:00:00Z`), createdById: doctorId, createdAt: new Date(nowMs) },
  });
  return (await answersOf(scope, [row], nowMs))[0]!;
}

/** The patient's schedules, active first, then the stopped ones (newest first). */
export async function listSchedules(scope: ReadScope, nowMs = Date.now()): Promise<ScheduleAnswer[]> {
  const rows = await prisma.questionnaireSchedule.findMany({ where: { patientId: scope.patientId }, orderBy: [{ stoppedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }] });
  return answersOf(scope, rows, nowMs);
}

/** Stops a schedule of the scope's patient; 404 for anyone else's. Stopping twice keeps the first stop. */
export async function stopSchedule(scope: ReadScope, scheduleId: string, nowMs = Date.now()): Promise<ScheduleAnswer> {
  if (!/^[0-9a-f-]{36}$/i.test(scheduleId)) throw notFound('schedule');
  const row = await prisma.questionnaireSchedule.findFirst({ where: { id: scheduleId, patientId: scope.patientId } });
  if (!row) throw notFound('schedule');
  await prisma.questionnaireSchedule.updateMany({ where: { id: row.id, stoppedAt: null }, data: { stoppedAt: new Date(nowMs) } });
  return (await answersOf(scope, [await prisma.questionnaireSchedule.findUniqueOrThrow({ where: { id: row.id } })], nowMs))[0]!;
}

/** What is due for the patient today: each questionnaire of an active schedule that is due (once, however many schedules ask for it). */
export async function dueQuestionnaires(scope: ReadScope, nowMs = Date.now()): Promise<ScheduleAnswer[]> {
  const active = (await listSchedules(scope, nowMs)).filter((s) => s.due);
  return active.filter((s, i) => active.findIndex((t) => t.questionnaire === s.questionnaire) === i);
}
