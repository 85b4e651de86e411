// Questionnaire responses (PHQ-4, GAD-7…; definitions are data, lib/questionnaires): answered by the
// patient, scored by the one generic scorer, the answers encrypted with the patient's data key (bound to
// the row), the score, band and subscales kept in the clear for trends. Event-sourced: a correction is a
// new response superseding the old, a retraction stamps the response; neither deletes, so the history
// stays whole. Reads are scoped to the patient of the caller's scope; anything else is "not found".
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { decryptField, encryptField } from '../crypto/fields';
import { prisma } from '../db/client';
import type { QuestionnaireResponse } from '../generated/prisma/client';
import { ApiError, notFound } from '../http/errors';
import type { QuestionnaireDefinition } from '../questionnaires/definition';
import { allQuestionnaires, questionnaireByCode, QUESTIONNAIRE_CODES } from '../questionnaires/registry';
import { answerIssues, maxScoreOf, resultSentence, scoreAnswers, type SubscaleResult } from '../questionnaires/score';
import type { ReadScope } from './access';

const answersRef = (rowId: string) => ({ table: 'questionnaire_responses', column: 'answers', rowId });
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const AHEAD_MS = 5 * 60_000;

const answeredAt = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone offset' });
export const responseInput = z
  .object({
    questionnaire: z.string({ error: `must be one of ${QUESTIONNAIRE_CODES.join(', ')}` }),
    answers: z.array(z.unknown(), { error: 'must be a list of answer values, one per item' }).max(100),
    answeredAt: answeredAt.optional(),
  })
  .strict();
export type ResponseInput = z.output<typeof responseInput>;

/** A correction: new answers (and time) for the same questionnaire. */
export const correctionInput = responseInput.partial({ questionnaire: true });
export type CorrectionInput = z.output<typeof correctionInput>;

export type ResponseStatus = 'current' | 'superseded' | 'retracted';
export type ResponseAnswer = {
  id: string;
  questionnaire: string;
  title: string;
  definitionVersion: number;
  score: number;
  maxScore: number;
  band: string;
  bandLabel: string;
  /** The result in plain words, a screen and not a diagnosis. */
  summary: string;
  subscales: SubscaleResult[];
  answers: number[];
  answeredAt: string;
  recordedById: string;
  supersedesId: string | null;
  retractedAt: string | null;
  retractedById: string | null;
  status: ResponseStatus;
  /** Score change since the previous current response of the same questionnaire (null for the first). */
  change: number | null;
};

function fail(field: string, reason: string): never {
  throw new ApiError('VALIDATION_ERROR', `${field} ${reason}`, [{ field, reason }]);
}

function definitionOf(code: string): QuestionnaireDefinition {
  const d = questionnaireByCode(code);
  if (!d) fail('questionnaire', `must be one of ${QUESTIONNAIRE_CODES.join(', ')} (got "${code.slice(0, 40)}")`);
  return d;
}

/** Checks a response (the questionnaire known, every item answered on its scale, the time sane) and scores it. */
export function checkResponse(input: { questionnaire: string; answers: unknown[]; answeredAt?: string }, nowMs: number) {
  const d = definitionOf(input.questionnaire);
  const issues = answerIssues(d, input.answers);
  if (issues.length > 0) throw new ApiError('VALIDATION_ERROR', `${issues[0]!.field} ${issues[0]!.reason}`, issues);
  const atMs = input.answeredAt ? Date.parse(input.answeredAt) : nowMs;
  if (atMs > nowMs + AHEAD_MS) fail('answeredAt', 'must not be in the future');
  if (atMs < EARLIEST_MS) fail('answeredAt', 'must be 2000 or later');
  const answers = input.answers as number[];
  return { d, answers, at: new Date(atMs), scored: scoreAnswers(d, answers) };
}

async function insertResponse(tx: Pick<typeof prisma, 'questionnaireResponse'>, patientId: string, recorderId: string, checked: ReturnType<typeof checkResponse>, supersedesId: string | null) {
  const id = randomUUID();
  return tx.questionnaireResponse.create({
    data: {
      id, userId: patientId, questionnaire: checked.d.code, definitionVersion: checked.d.version,
      answers: await encryptField(patientId, answersRef(id), JSON.stringify(checked.answers)),
      totalScore: checked.scored.score, band: checked.scored.band.code, subscales: checked.scored.subscales,
      answeredAt: checked.at, recordedById: recorderId, supersedesId,
    },
  });
}

/** Records a response for the scope's patient, recorded by `recorderId`. */
export async function createResponse(scope: ReadScope, recorderId: string, input: ResponseInput, nowMs = Date.now()): Promise<ResponseAnswer> {
  const row = await insertResponse(prisma, scope.patientId, recorderId, checkResponse(input, nowMs), null);
  return (await answersOf([row]))[0]!;
}

type Chain = { rows: QuestionnaireResponse[]; supersededBy: Map<string, string> };

async function chainRows(patientId: string, questionnaire?: string): Promise<Chain> {
  const rows = await prisma.questionnaireResponse.findMany({
    where: { userId: patientId, ...(questionnaire ? { questionnaire } : {}) },
    orderBy: [{ answeredAt: 'desc' }, { createdAt: 'desc' }],
  });
  return { rows, supersededBy: new Map(rows.filter((r) => r.supersedesId).map((r) => [r.supersedesId!, r.id])) };
}

const statusOf = (r: QuestionnaireResponse, chain: Chain): ResponseStatus => (r.retractedAt ? 'retracted' : chain.supersededBy.has(r.id) ? 'superseded' : 'current');

async function answersOf(rows: readonly QuestionnaireResponse[], chain?: Chain): Promise<ResponseAnswer[]> {
  const out: ResponseAnswer[] = [];
  for (const r of rows) {
    const d = questionnaireByCode(r.questionnaire);
    if (!d) continue; // a definition withdrawn from the product: its responses are not shown as scores of another
    const answers = JSON.parse(await decryptField(r.userId, answersRef(r.id), r.answers)) as number[];
    const scored = scoreAnswers(d, answers);
    out.push({
      id: r.id, questionnaire: r.questionnaire, title: d.shortTitle, definitionVersion: r.definitionVersion,
      score: r.totalScore, maxScore: scored.maxScore, band: r.band, bandLabel: scored.band.label, summary: resultSentence(scored.band),
      subscales: scored.subscales, answers, answeredAt: r.answeredAt.toISOString(), recordedById: r.recordedById,
      supersedesId: r.supersedesId, retractedAt: r.retractedAt?.toISOString() ?? null, retractedById: r.retractedById,
      status: chain ? statusOf(r, chain) : r.retractedAt ? 'retracted' : 'current', change: null,
    });
  }
  return out;
}

/** The patient's current responses (corrections in place of what they corrected, retractions left out), newest first, each with its change since the one before. */
export async function listResponses(scope: ReadScope, q: { questionnaire?: string; limit?: number } = {}): Promise<ResponseAnswer[]> {
  if (q.questionnaire) definitionOf(q.questionnaire);
  const chain = await chainRows(scope.patientId, q.questionnaire);
  const current = chain.rows.filter((r) => statusOf(r, chain) === 'current');
  const answers = await answersOf(current, chain);
  // Change against the next older response of the same questionnaire (the list is newest first).
  answers.forEach((a, i) => {
    const previous = answers.slice(i + 1).find((b) => b.questionnaire === a.questionnaire);
    a.change = previous ? a.score - previous.score : null;
  });
  return answers.slice(0, Math.min(q.limit ?? 500, 500));
}

/** The latest current response of each questionnaire with its change, for the doctor's card and the trends. */
export async function latestResponses(scope: ReadScope): Promise<ResponseAnswer[]> {
  const all = await listResponses(scope);
  return allQuestionnaires().flatMap((d) => all.find((a) => a.questionnaire === d.code) ?? []);
}

async function ownResponse(patientId: string, id: string): Promise<{ row: QuestionnaireResponse; chain: Chain }> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('response');
  const row = await prisma.questionnaireResponse.findFirst({ where: { id, userId: patientId } });
  if (!row) throw notFound('response');
  return { row, chain: await chainRows(patientId, row.questionnaire) };
}

/** Only the current version of a response is corrected or retracted (a 409 names the newer one). */
function requireCurrent(row: QuestionnaireResponse, chain: Chain, callerId: string, patientId: string): void {
  if (callerId !== patientId && callerId !== row.recordedById) throw notFound('response');
  if (row.retractedAt) throw new ApiError('CONFLICT', 'this response was retracted', [{ field: 'id', reason: 'is retracted' }]);
  const newer = chain.supersededBy.get(row.id);
  if (newer) throw new ApiError('CONFLICT', `this response was corrected by ${newer}; correct that one`, [{ field: 'id', reason: `is superseded by ${newer}` }]);
}

/** Corrects a response by its author or the patient: a new response supersedes it; the old one stays in the history. */
export async function correctResponse(patientId: string, callerId: string, id: string, input: CorrectionInput, nowMs = Date.now()): Promise<ResponseAnswer> {
  const { row, chain } = await ownResponse(patientId, id);
  if (input.questionnaire !== undefined && input.questionnaire !== row.questionnaire) fail('questionnaire', `must stay ${row.questionnaire}: a correction answers the same questionnaire`);
  requireCurrent(row, chain, callerId, patientId);
  const checked = checkResponse({ questionnaire: row.questionnaire, answers: input.answers, answeredAt: input.answeredAt ?? row.answeredAt.toISOString() }, nowMs);
  try {
    const created = await insertResponse(prisma, patientId, callerId, checked, row.id);
    return (await answersOf([created]))[0]!;
  } catch (error) {
    // Two corrections of one response at once: supersedes_id is unique, the second is refused.
    if ((error as { code?: string }).code === 'P2002') throw new ApiError('CONFLICT', 'this response was corrected meanwhile', [{ field: 'id', reason: 'is superseded' }]);
    throw error;
  }
}

/** Retracts a response (its author or the patient): it stops counting, and stays in the history. */
export async function retractResponse(patientId: string, callerId: string, id: string, nowMs = Date.now()): Promise<ResponseAnswer> {
  const { row, chain } = await ownResponse(patientId, id);
  requireCurrent(row, chain, callerId, patientId);
  const { count } = await prisma.questionnaireResponse.updateMany({ where: { id: row.id, retractedAt: null }, data: { retractedAt: new Date(nowMs), retractedById: callerId } });
  if (count === 0) throw new ApiError('CONFLICT', 'this response was retracted meanwhile', [{ field: 'id', reason: 'is retracted' }]);
  const updated = await prisma.questionnaireResponse.findUniqueOrThrow({ where: { id: row.id } });
  return (await answersOf([updated], chain))[0]!;
}

/** Every version of the response `id` belongs to, oldest first, each with its status. */
export async function responseHistory(patientId: string, id: string): Promise<ResponseAnswer[]> {
  const { row, chain } = await ownResponse(patientId, id);
  const byId = new Map(chain.rows.map((r) => [r.id, r]));
  let first = row;
  while (first.supersedesId && byId.has(first.supersedesId)) first = byId.get(first.supersedesId)!;
  const versions = [first];
  for (let next = chain.supersededBy.get(first.id); next; next = chain.supersededBy.get(next)) versions.push(byId.get(next)!);
  return answersOf(versions, chain);
}

export type QuestionnaireTimelineItem = {
  questionnaire: string; title: string; score: number; maxScore: number; band: string; bandLabel: string; corrected: boolean;
};

/**
 * What the timeline shows of these responses (the timeline picks the current ones: lib/data/timeline.ts);
 * a corrected one is marked, its history on demand through …/questionnaires/responses/{id}/history.
 */
export async function questionnaireTimelineItems(userId: string, ids: string[]): Promise<Map<string, QuestionnaireTimelineItem>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.questionnaireResponse.findMany({ where: { userId, id: { in: ids } } });
  return new Map(
    rows.flatMap((r) => {
      const d = questionnaireByCode(r.questionnaire);
      if (!d) return [];
      const band = d.scoring.bands.find((b) => b.code === r.band);
      const item = { questionnaire: r.questionnaire, title: d.shortTitle, score: r.totalScore, maxScore: maxScoreOf(d), band: r.band, bandLabel: band?.label ?? r.band, corrected: r.supersedesId !== null };
      return [[r.id, item] as const];
    }),
  );
}
