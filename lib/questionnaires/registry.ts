// The questionnaires the product offers. Each is a definition file (data only) in ./definitions; adding
// one is adding its JSON file and its line below: the scorer, the routes, the tables and the pages are
// generic (registry.test.ts fails when a file in ./definitions is not listed here).
import { questionnaireDefinition, type QuestionnaireDefinition } from './definition';
import gad7 from './definitions/gad7.json';
import phq4 from './definitions/phq4.json';

const DEFINITIONS: readonly QuestionnaireDefinition[] = [phq4, gad7].map((d) => questionnaireDefinition.parse(d));

export const QUESTIONNAIRE_CODES = DEFINITIONS.map((d) => d.code);

export function allQuestionnaires(): readonly QuestionnaireDefinition[] {
  return DEFINITIONS;
}

export function questionnaireByCode(code: string): QuestionnaireDefinition | undefined {
  return DEFINITIONS.find((d) => d.code === code);
}
