// The scorer against the published cut-offs: every band boundary of PHQ-4 (0–2 normal, 3–5 mild, 6–8
// moderate, 9–12 severe; Kroenke 2009) and GAD-7 (0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe;
// Spitzer 2006), PHQ-4's subscales (GAD-2, PHQ-2: ≥ 3 positive), and the refusals, each naming its item.
import { describe, expect, it } from 'vitest';
import { questionnaireByCode } from './registry';
import { answerIssues, resultSentence, scoreAnswers } from './score';

const phq4 = questionnaireByCode('phq4')!;
const gad7 = questionnaireByCode('gad7')!;

/** Answers to `items` items summing to `total`, filled from the first item (each at most 3). */
const summingTo = (items: number, total: number) => Array.from({ length: items }, (_, i) => Math.max(0, Math.min(3, total - 3 * i)));

describe('PHQ-4', () => {
  it.each([
    [0, 'normal'], [2, 'normal'], [3, 'mild'], [5, 'mild'], [6, 'moderate'], [8, 'moderate'], [9, 'severe'], [12, 'severe'],
  ])('total %i is %s', (total, band) => {
    const answers = summingTo(4, total);
    const r = scoreAnswers(phq4, answers);
    expect(r.score).toBe(total);
    expect(r.maxScore).toBe(12);
    expect(r.band.code).toBe(band);
  });

  it.each([
    // [answers, anxiety (items 1–2), positive, depression (items 3–4), positive]
    [[1, 1, 1, 1], 2, false, 2, false],
    [[2, 1, 0, 2], 3, true, 2, false],
    [[0, 2, 1, 2], 2, false, 3, true],
    [[3, 3, 3, 3], 6, true, 6, true],
    [[0, 0, 0, 0], 0, false, 0, false],
  ])('subscales of %j', (answers, anxiety, anxious, depression, depressed) => {
    const r = scoreAnswers(phq4, answers);
    expect(r.subscales).toEqual([
      { code: 'anxiety', title: 'Anxiety (GAD-2)', score: anxiety, max: 6, positive: anxious },
      { code: 'depression', title: 'Depression (PHQ-2)', score: depression, max: 6, positive: depressed },
    ]);
  });
});

describe('GAD-7', () => {
  it.each([
    [0, 'minimal'], [4, 'minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'], [14, 'moderate'], [15, 'severe'], [21, 'severe'],
  ])('total %i is %s', (total, band) => {
    const r = scoreAnswers(gad7, summingTo(7, total));
    expect(r.score).toBe(total);
    expect(r.maxScore).toBe(21);
    expect(r.band.code).toBe(band);
    expect(r.subscales).toEqual([]);
  });

  it('says the result plainly, as a screen', () => {
    expect(resultSentence(scoreAnswers(gad7, summingTo(7, 7)).band)).toBe(
      'Your score suggests mild anxiety. This is a screening result, not a diagnosis; consider talking to your care team.',
    );
  });
});

describe('answer validation', () => {
  it.each([
    [[0, 1, 2], 'answers.3', /item 4 \("Feeling down, depressed or hopeless"\) is not answered/],
    [[0, 1, 4, 0], 'answers.2', /item 3 .* must be one of 0, 1, 2, 3/],
    [[0, 1, -1, 0], 'answers.2', /must be one of/],
    [[0, 1.5, 1, 0], 'answers.1', /item 2 .* must be one of/],
    [[0, '1', 1, 0], 'answers.1', /must be one of/],
    [[0, null, 1, 0], 'answers.1', /not answered/],
    [[0, 0, 0, 0, 0], 'answers', /has 5 answers; PHQ-4 has 4 items/],
    ['0,1,2,3', 'answers', /must be a list of 4 answers/],
  ])('%j is refused at %s', (answers, field, reason) => {
    expect(answerIssues(phq4, answers)).toEqual(expect.arrayContaining([{ field, reason: expect.stringMatching(reason) }]));
    if (Array.isArray(answers)) expect(() => scoreAnswers(phq4, answers as number[])).toThrow(RangeError);
  });

  it('accepts every complete answer on the scale', () => {
    expect(answerIssues(gad7, [0, 1, 2, 3, 3, 2, 1])).toEqual([]);
  });
});
