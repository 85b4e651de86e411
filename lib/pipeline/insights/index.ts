// Insight and alert rules (pure: no I/O, the clock is a parameter). Each insight rule returns one
// InsightResult or null when its condition does not hold or there is too little data.

export type { DailyValue, InsightKind, InsightResult, InsightSeverity } from './types';
export { lastWholeDay } from './day-window';
export { restingHrTrend, type RestingHrTrendInput } from './resting-hr-trend';
export { sleepDeficit, type SleepDeficitInput } from './sleep-deficit';
export { activityChange, type ActivityChangeInput } from './activity-change';
export { glucoseTimeInRange, type GlucoseReading, type GlucoseTimeInRangeInput } from './glucose-time-in-range';
export {
  medicationAdherence,
  type MedicationAdherenceInput,
  type MedicationLog,
  type MedicationLogStatus,
} from './medication-adherence';
export {
  type AlertFinding,
  type AlertKind,
  type AlertObservation,
  compareSeverity,
  GLUCOSE_TARGET_HIGH_MGDL,
  GLUCOSE_TARGET_LOW_MGDL,
  observationKey,
  observeAlerts,
  type AlertReading,
  type AlertThresholds,
  DEFAULT_ALERT_THRESHOLDS,
  findAlerts,
  type ThresholdProblem,
  validateThresholds,
} from './alerts';
export {
  applyEpisodeChanges,
  type Episode,
  type EpisodeChange,
  type EpisodeEntry,
  type EpisodeNotice,
  planEpisodes,
} from './emergency-episodes';
export { pairBloodPressure, type BloodPressureMeasurement } from './blood-pressure-pairs';
