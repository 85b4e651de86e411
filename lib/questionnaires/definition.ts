// The shape of a questionnaire definition (lib/questionnaires/definitions/*.json): its published wording,
// answer options, scoring and severity bands, source and copyright, as data. Checked once when loaded, so
// a malformed definition fails the build's tests, not a patient's answer.
import { z } from 'zod';

const text = z.string().trim().min(1);

export const questionnaireDefinition = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9]{1,19}$/),
    /** Bumped when wording or scoring changes; each response keeps the version it was answered on. */
    version: z.number().int().min(1),
    title: text,
    shortTitle: text,
    /** What it screens for, in plain words ("anxiety"). */
    about: text,
    stem: text,
    items: z.array(z.object({ id: text, text }).strict()).min(1),
    options: z.array(z.object({ value: z.number().int().min(0), label: text }).strict()).min(2),
    scoring: z
      .object({
        method: z.literal('sum'),
        subscales: z.array(
          z.object({ code: text, title: text, items: z.array(text).min(1), positiveAtLeast: z.number().int().min(0), positiveText: text }).strict(),
        ),
        bands: z.array(z.object({ code: text, min: z.number().int().min(0), max: z.number().int().min(0), label: text, describes: text }).strict()).min(1),
      })
      .strict(),
    source: text,
    copyright: text,
    /**
     * Per language other than English: whether the instrument's published (validated) translation is in
     * this definition, and where it was looked for. Items are never machine-translated: without an
     * included published text, the page shows the English wording with a note (issue 21).
     */
    translations: z
      .record(
        z.enum(['hi', 'ta', 'te', 'bn', 'mr', 'gu']),
        z.object({ included: z.literal(false), searched: text }).strict(),
      )
      .optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const ids = new Set(d.items.map((i) => i.id));
    if (ids.size !== d.items.length) ctx.addIssue({ code: 'custom', path: ['items'], message: 'item ids must be unique' });
    for (const s of d.scoring.subscales) {
      for (const id of s.items) if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['scoring', 'subscales'], message: `subscale ${s.code} names unknown item ${id}` });
    }
    // The bands must tile 0..max score exactly: every possible total falls in one band.
    const values = d.options.map((o) => o.value);
    const maxScore = d.items.length * Math.max(...values);
    let next = d.items.length * Math.min(...values);
    for (const b of d.scoring.bands) {
      if (b.min !== next || b.max < b.min) ctx.addIssue({ code: 'custom', path: ['scoring', 'bands'], message: `band ${b.code} must start at ${next}` });
      next = b.max + 1;
    }
    if (next !== maxScore + 1) ctx.addIssue({ code: 'custom', path: ['scoring', 'bands'], message: `bands must end at the maximum score ${maxScore}` });
  });

export type QuestionnaireDefinition = z.output<typeof questionnaireDefinition>;
