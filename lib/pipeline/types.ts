// Input and output shapes of the dedup and aggregation pipeline. Defined here, not imported from
// lib/health, so the pure pipeline depends on nothing but lib/time.

/** How overlapping samples of one type from several sources are reconciled (see dedup.md). */
export type DedupKind = 'CUMULATIVE' | 'INSTANT' | 'CATEGORY_INTERVAL' | 'WORKOUT';

/** How counted values become one number per bucket. */
export type Aggregation = 'SUM' | 'AVERAGE' | 'LATEST';

/**
 * Spot checks: two readings agree when |a − b| ≤ max(absolute, relative × the larger of the two)
 * (glucose: 2 mg/dL or 2 %, whichever is larger). Values are positive.
 */
export type ValueTolerance = { absolute: number; relative: number };

/** When two INSTANT readings from different devices are the same reading. */
export type InstantRule = {
  /** Readings of other devices within ± this many ms may be the same reading. */
  matchWindowMs: number;
  /** Spot checks only: the values must also agree. Absent: time alone decides (continuous sensors). */
  tolerance?: ValueTolerance;
};

export type TypeRules = InstantRule & {
  dedupKind: DedupKind;
  aggregation: Aggregation;
  /**
   * INSTANT only: readings whose `stream` is named here are another measurement (a CGM's interstitial
   * glucose beside fingersticks): they are deduplicated among themselves, by their own rule, and never
   * cancel, nor are cancelled by, readings of another stream.
   */
  streams?: Readonly<Record<string, InstantRule>>;
  /** Sleep types: intervals with gaps under this join one session, whose minutes go to the day it ends. */
  sessionGapMs?: number;
};

export type PipelineSample = {
  id: string;
  deviceId: string;
  /** Effective priority for this type (device priority or its per-type override), higher wins. */
  priority: number;
  startMs: number;
  endMs: number;
  /** Ignored for CATEGORY_INTERVAL and WORKOUT: those count their duration in minutes. */
  value: number;
  category?: string | null;
  /** INSTANT only: the measurement stream (see TypeRules.streams); absent or unnamed there: the type's own. */
  stream?: string | null;
};

/** The counted part of a sample after dedup; a sample clipped in the middle yields two. */
export type Contribution = { sample: PipelineSample; startMs: number; endMs: number; value: number };

export type Period = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH';

export type AggregateRow = {
  period: Period;
  /** Local wall clock 'YYYY-MM-DDTHH:mm:ss' of the bucket start. */
  periodStart: string;
  value: number;
  /** Smallest and largest reading (AVERAGE and LATEST); null for SUM. */
  min: number | null;
  max: number | null;
  /** Readings (AVERAGE, LATEST) or contributions starting in the bucket (SUM), so counts roll up exactly. */
  count: number;
  /** deviceId → value contributed (SUM) or number of readings (AVERAGE, LATEST). */
  sources: Record<string, number>;
};
