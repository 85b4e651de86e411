// Shapes shared by the insight rules. They mirror the Insight table (prisma/schema.prisma), so a
// result can be stored as is: windowStart/windowEnd are local calendar days 'YYYY-MM-DD'. A rule
// produces numbers, not words: `data` holds everything the texts need, and lib/format/insight-text
// writes them for each reader (patient, caregiver, doctor) in that reader's units.

/** One aggregate per local day; days without data are absent (never zero-filled). */
export type DailyValue = { day: string; value: number };

export type InsightSeverity = 'INFO' | 'LOW' | 'MEDIUM' | 'HIGH';

export type InsightKind =
  | 'RESTING_HR_TREND'
  | 'SLEEP_DEFICIT'
  | 'ACTIVITY_CHANGE'
  | 'GLUCOSE_TIME_IN_RANGE'
  | 'MEDICATION_ADHERENCE';

export type InsightResult = {
  kind: InsightKind;
  severity: InsightSeverity;
  data: Record<string, number | string | null>;
  windowStart: string;
  windowEnd: string;
};
