// Every definition file is listed in the registry and well formed (bands tile every possible total), with
// the published wording the product shows.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionnaireDefinition } from './definition';
import { allQuestionnaires, questionnaireByCode } from './registry';

describe('questionnaire registry', () => {
  it('lists every definition file', () => {
    const files = readdirSync(path.join(__dirname, 'definitions')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    expect(allQuestionnaires().map((d) => d.code).sort()).toEqual(files);
  });

  it('refuses a definition whose bands leave a total out', () => {
    const phq4 = questionnaireByCode('phq4')!;
    const gap = { ...phq4, scoring: { ...phq4.scoring, bands: phq4.scoring.bands.filter((b) => b.code !== 'mild') } };
    expect(questionnaireDefinition.safeParse(gap).success).toBe(false);
    const short = { ...phq4, scoring: { ...phq4.scoring, bands: phq4.scoring.bands.slice(0, 3) } };
    expect(questionnaireDefinition.safeParse(short).success).toBe(false);
  });

  it('carries the published stem, items, options, source and copyright', () => {
    const gad7 = questionnaireByCode('gad7')!;
    expect(gad7.stem).toBe('Over the last 2 weeks, how often have you been bothered by the following problems?');
    expect(gad7.items.map((i) => i.text)).toEqual([
      'Feeling nervous, anxious, or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      'Being so restless that it is hard to sit still',
      'Becoming easily annoyed or irritable',
      'Feeling afraid, as if something awful might happen',
    ]);
    expect(gad7.options.map((o) => [o.value, o.label])).toEqual([[0, 'Not at all'], [1, 'Several days'], [2, 'More than half the days'], [3, 'Nearly every day']]);
    expect(gad7.source).toMatch(/Spitzer RL.*Arch Intern Med\. 2006/);
    expect(questionnaireByCode('phq4')!.source).toMatch(/Kroenke K.*Psychosomatics\. 2009/);
    for (const d of allQuestionnaires()) expect(d.copyright).toMatch(/Pfizer Inc\. No permission required/);
  });
});
