// The seed design's dedup, kept here only as the benchmark's baseline: every sample of a day is
// compared with every other sample loaded for that day (O(n²) per type and day) to find the
// higher-priority devices that overlap it. Written to give the same counted steps as our dedup.md
// rules on the benchmark's data, so the comparison measures the approach, not different answers.
//
// Known differences from dedup.md (none of them occurs in the generated data):
// - only another device can outrank a sample; dedup.md also lets a device's short samples cover its
//   own long ones (a daily total), which the seed never considered;
// - an instant reading is dropped if any higher-ranked reading lies in the window, kept or not;
// - zero-length interval samples count nothing; workouts are not supported.

export type SeedKind = 'CUMULATIVE' | 'CATEGORY_INTERVAL' | 'INSTANT' | 'WORKOUT';

export type SeedSample = {
  deviceId: string;
  priority: number;
  startMs: number;
  endMs: number;
  value: number;
  category: string | null;
};

/** The part of a sample that counts, with its value (category types: its minutes). */
export type SeedPart = { sample: SeedSample; startMs: number; endMs: number; value: number };

const MINUTE_MS = 60_000;

// The seed's priority rule: a higher-priority device wins; equal priorities go to the lower device id.
function outranks(a: SeedSample, b: SeedSample): boolean {
  if (a.deviceId === b.deviceId) return false;
  return a.priority > b.priority || (a.priority === b.priority && a.deviceId < b.deviceId);
}

/** Counted parts of `samples` inside the local day [dayStartMs, dayEndMs). */
export function seedDedupDay(
  samples: readonly SeedSample[],
  args: { kind: SeedKind; matchWindowMs: number; dayStartMs: number; dayEndMs: number },
): SeedPart[] {
  if (args.kind === 'WORKOUT') throw new Error('the seed approach has no workout dedup');
  const parts: SeedPart[] = [];
  for (const s of samples) {
    if (args.kind === 'INSTANT') {
      if (s.startMs < args.dayStartMs || s.startMs >= args.dayEndMs) continue;
      let dropped = false;
      for (const t of samples) {
        if (outranks(t, s) && Math.abs(t.startMs - s.startMs) <= args.matchWindowMs) {
          dropped = true;
          break;
        }
      }
      if (!dropped) parts.push({ sample: s, startMs: s.startMs, endMs: s.startMs, value: s.value });
      continue;
    }
    const from = Math.max(s.startMs, args.dayStartMs);
    const to = Math.min(s.endMs, args.dayEndMs);
    if (to <= from) continue;
    // Every other sample of the day is checked against this one: the pairwise search.
    const covered: [number, number][] = [];
    for (const t of samples) {
      if (outranks(t, s) && t.startMs < to && t.endMs > from) covered.push([Math.max(from, t.startMs), Math.min(to, t.endMs)]);
    }
    covered.sort((a, b) => a[0] - b[0]);
    let cursor = from;
    const pushPart = (partStart: number, partEnd: number) => {
      const length = partEnd - partStart;
      const value = args.kind === 'CATEGORY_INTERVAL' ? length / MINUTE_MS : (s.value * length) / (s.endMs - s.startMs);
      parts.push({ sample: s, startMs: partStart, endMs: partEnd, value });
    };
    for (const [coverStart, coverEnd] of covered) {
      if (coverStart > cursor) pushPart(cursor, coverStart);
      cursor = Math.max(cursor, coverEnd);
    }
    if (cursor < to) pushPart(cursor, to);
  }
  return parts;
}
