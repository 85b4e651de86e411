// An insight's title and body, built at read time for the one who reads it (patient, caregiver or
// doctor) and in their units, from what the rule stored: kind, severity and its numbers (`data`).
// Nothing stored as text is shown: a clinician never reads words written to the patient.
import type { InsightKind, InsightSeverity } from '@/lib/pipeline/insights';
import { activityText } from './activity';
import { glucoseText } from './glucose';
import { medicationText } from './medication';
import { insightT, type InsightReader, type InsightText } from './reader';
import { restingHrText } from './resting-hr';
import { sleepText } from './sleep';

export type { InsightAudience, InsightReader, InsightText } from './reader';

export type RenderableInsight = { kind: InsightKind; severity: InsightSeverity; data: unknown };

function textFor({ kind, severity, data }: RenderableInsight, reader: InsightReader): InsightText | null {
  switch (kind) {
    case 'RESTING_HR_TREND':
      return restingHrText(severity, data, reader);
    case 'SLEEP_DEFICIT':
      return sleepText(data, reader);
    case 'ACTIVITY_CHANGE':
      return activityText(data, reader);
    case 'GLUCOSE_TIME_IN_RANGE':
      return glucoseText(severity, data, reader);
    case 'MEDICATION_ADHERENCE':
      return medicationText(severity, data, reader);
  }
}

/** The insight's texts for this reader, in their language; a row whose numbers are incomplete gets a plain label, never made-up figures. */
export function renderInsightText(insight: RenderableInsight, reader: InsightReader): InsightText {
  const t = insightT(reader);
  return textFor(insight, reader) ?? { title: t(`kindTitles.${insight.kind}`), body: t('noFigures') };
}
