// The one scorer of every questionnaire definition (pure): checks the answers (every item answered, each
// value one of the options), sums them, finds the severity band and each subscale's score and screen.
import type { QuestionnaireDefinition } from './definition';

export type SubscaleResult = { code: string; title: string; score: number; max: number; positive: boolean };
export type Band = { code: string; label: string; describes: string };
export type Scored = { score: number; maxScore: number; band: Band; subscales: SubscaleResult[] };
export type AnswerIssue = { field: string; reason: string };

const optionValues = (d: QuestionnaireDefinition) => d.options.map((o) => o.value);

export const maxScoreOf = (d: QuestionnaireDefinition) => d.items.length * Math.max(...optionValues(d));

/** The refusals of `answers` (one value per item, in item order), each naming the item; empty when valid. */
export function answerIssues(d: QuestionnaireDefinition, answers: unknown): AnswerIssue[] {
  if (!Array.isArray(answers)) return [{ field: 'answers', reason: `must be a list of ${d.items.length} answers, one per item` }];
  const allowed = optionValues(d);
  const issues: AnswerIssue[] = d.items.flatMap((item, i) => {
    const v: unknown = answers[i];
    const named = `item ${item.id} ("${item.text}")`;
    if (v === undefined || v === null) return [{ field: `answers.${i}`, reason: `${named} is not answered` }];
    if (typeof v !== 'number' || !allowed.includes(v)) return [{ field: `answers.${i}`, reason: `${named} must be one of ${allowed.join(', ')}` }];
    return [];
  });
  if (answers.length > d.items.length) issues.push({ field: 'answers', reason: `has ${answers.length} answers; ${d.shortTitle} has ${d.items.length} items` });
  return issues;
}

export function bandOf(d: QuestionnaireDefinition, score: number): Band {
  const band = d.scoring.bands.find((b) => score >= b.min && score <= b.max);
  if (!band) throw new RangeError(`${d.code}: no band holds ${score}`);
  return { code: band.code, label: band.label, describes: band.describes };
}

/** Scores valid answers (see answerIssues); throws on invalid ones. */
export function scoreAnswers(d: QuestionnaireDefinition, answers: readonly number[]): Scored {
  const issues = answerIssues(d, answers);
  if (issues.length > 0) throw new RangeError(`${d.code}: ${issues.map((i) => `${i.field} ${i.reason}`).join('; ')}`);
  const valueOf = (id: string) => answers[d.items.findIndex((item) => item.id === id)]!;
  const score = answers.reduce((sum, v) => sum + v, 0);
  const top = Math.max(...optionValues(d));
  return {
    score,
    maxScore: maxScoreOf(d),
    band: bandOf(d, score),
    subscales: d.scoring.subscales.map((s) => {
      const sub = s.items.reduce((sum, id) => sum + valueOf(id), 0);
      return { code: s.code, title: s.title, score: sub, max: s.items.length * top, positive: sub >= s.positiveAtLeast };
    }),
  };
}

/** The result in plain, respectful words: what the score suggests, and that it is a screen, not a diagnosis. */
export function resultSentence(band: Band): string {
  return `Your score suggests ${band.describes}. This is a screening result, not a diagnosis; consider talking to your care team.`;
}
