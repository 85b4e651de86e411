// The questionnaire endpoints' shared bodies, for /users/me/questionnaires/… (the patient) and
// /patients/{id}/questionnaires/… (a linked doctor; a caregiver with view permission reads): query and
// bodies parsed once here. Shares do not cover questionnaires (a care link or the patient only).
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import type { ReadScope } from '../data/access';
import { correctResponse, correctionInput, createResponse, latestResponses, listResponses, responseHistory, responseInput, retractResponse } from '../data/questionnaires';
import { createSchedule, dueQuestionnaires, listSchedules, scheduleInput, stopSchedule } from '../data/questionnaires-schedules';
import { notFound } from '../http/errors';
import { readJson } from '../http/handler';

const BODY_MAX = 8 * 1024;
const listQuery = z.object({ questionnaire: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }).strict();

function requireFullScope(scope: ReadScope): void {
  if (scope.types !== 'ALL') throw notFound('patient');
}

export async function responsesListResponse(req: NextRequest, scope: ReadScope) {
  requireFullScope(scope);
  const q = listQuery.parse(Object.fromEntries([...req.nextUrl.searchParams.entries()].filter(([k]) => k !== 'share')));
  const [responses, latest] = await Promise.all([listResponses(scope, q), latestResponses(scope)]);
  return NextResponse.json({ responses, latest });
}

export async function responseCreateResponse(req: NextRequest, scope: ReadScope, recorderId: string) {
  requireFullScope(scope);
  const input = responseInput.parse((await readJson(req, BODY_MAX)).json);
  return NextResponse.json(await createResponse(scope, recorderId, input), { status: 201 });
}

export async function responseCorrectResponse(req: NextRequest, patientId: string, callerId: string, id: string) {
  const input = correctionInput.parse((await readJson(req, BODY_MAX)).json);
  return NextResponse.json(await correctResponse(patientId, callerId, id, input), { status: 201 });
}

export async function responseRetractResponse(patientId: string, callerId: string, id: string) {
  return NextResponse.json(await retractResponse(patientId, callerId, id));
}

export async function responseHistoryResponse(patientId: string, id: string) {
  return NextResponse.json({ history: await responseHistory(patientId, id) });
}

export async function schedulesListResponse(scope: ReadScope) {
  return NextResponse.json({ schedules: await listSchedules(scope) });
}

export async function scheduleCreateResponse(req: NextRequest, scope: ReadScope, doctorId: string) {
  const input = scheduleInput.parse((await readJson(req, BODY_MAX)).json);
  return NextResponse.json(await createSchedule(scope, doctorId, input), { status: 201 });
}

export async function scheduleStopResponse(scope: ReadScope, scheduleId: string) {
  return NextResponse.json(await stopSchedule(scope, scheduleId));
}

export async function dueResponse(scope: ReadScope) {
  const [due, schedules] = await Promise.all([dueQuestionnaires(scope), listSchedules(scope)]);
  return NextResponse.json({ due, schedules: schedules.filter((s) => s.stoppedAt === null) });
}
