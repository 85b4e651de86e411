// How each health type is deduplicated and aggregated, from the catalogue (lib/health).
import { getHealthType, type HealthType } from '../../health';
import { DEFAULT_SESSION_GAP_MS, type Contribution, type TypeRules } from '../../pipeline';

const SLEEP_TYPES: ReadonlySet<HealthType> = new Set(['SLEEP_ANALYSIS', 'SLEEP_STATE']);
// Time in bed or awake blocks other devices' intervals (it is covered time) but is not sleep.
const NOT_ASLEEP = new Set(['inBed', 'awake']);

/** Samples of this stream come from a continuous monitor (device type `cgm`); see load-samples.ts. */
export const CGM_STREAM = 'cgm';

export function rulesFor(type: HealthType): TypeRules {
  const def = getHealthType(type);
  const continuous = def.continuousStream;
  const rule = { matchWindowMs: (def.matchWindowSeconds ?? 0) * 1000, ...(def.tolerance ? { tolerance: { ...def.tolerance } } : {}) };
  // Kinds that form a stream of their own (insulin: basal deliveries beside boluses), each by the type's rule.
  const kindStreams = Object.fromEntries(Object.values(def.categoryStreams ?? {}).map((stream) => [stream, { ...rule }]));
  return {
    dedupKind: def.dedupKind,
    aggregation: def.aggregation,
    matchWindowMs: (def.matchWindowSeconds ?? 0) * 1000,
    // Spot checks only: continuous sensors pair readings by time alone.
    ...(def.instantKind === 'SPOT_CHECK' && def.tolerance ? { tolerance: { ...def.tolerance } } : {}),
    ...(continuous
      ? { streams: { [CGM_STREAM]: { matchWindowMs: continuous.matchWindowSeconds * 1000, tolerance: { ...continuous.tolerance } } } }
      : {}),
    ...(Object.keys(kindStreams).length > 0 ? { streams: kindStreams } : {}),
    ...(SLEEP_TYPES.has(type) ? { sessionGapMs: DEFAULT_SESSION_GAP_MS } : {}),
  };
}

/** Sleep types' day buckets depend on the session's end, which may fall on the next local day. */
export function isSessionType(type: HealthType): boolean {
  return SLEEP_TYPES.has(type);
}

/** What counts toward the type's totals after dedup. */
export function countedContributions(type: HealthType, contributions: Contribution[]): Contribution[] {
  return type === 'SLEEP_STATE' ? contributions.filter((c) => !NOT_ASLEEP.has(c.sample.category ?? '')) : contributions;
}
