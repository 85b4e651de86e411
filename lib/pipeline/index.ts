// Pure dedup and aggregation of health samples (semantics: shared/design/dedup.md). No I/O.

export type {
  AggregateRow,
  Aggregation,
  Contribution,
  DedupKind,
  Period,
  PipelineSample,
  TypeRules,
} from './types';
export { dedupSamples } from './dedup';
export { compareSamples } from './rank';
export { aggregate, type AggregateInput } from './aggregate';
export { dailyTotalsByGroup } from './dose-days';
export { DEFAULT_SESSION_GAP_MS, sessionDay, sleepSessions, type SleepSession } from './sleep-sessions';
export { touchedLocalDays, type TimedSample } from './touched-days';
