// The deduplicated glucose readings behind both the patient's glucose insight and the doctor's triage:
// one loader (the aggregation's own, so dedup sees the same samples and device priorities as the
// aggregates) and one window, so the two can never count different readings.
import { connectClient } from '../db/client';
import { dedupSamples } from '../pipeline';
import { GLUCOSE_WINDOW_DAYS, type GlucoseReading } from '../pipeline/glucose-targets';
import { loadSamples } from './aggregation/load-samples';
import { rulesFor } from './aggregation/type-rules';

const DAY_MS = 86_400_000;
// A day more than the window, so a reading just inside it is deduplicated against one just before it
// exactly as the aggregation does (a duplicate pair straddling the window start counts once, outside).
const LOAD_DAYS = GLUCOSE_WINDOW_DAYS + 1;

/** Each user's glucose readings up to now (inclusive), deduplicated across devices. */
export async function loadGlucoseReadings(userIds: readonly string[], nowMs: number): Promise<Map<string, GlucoseReading[]>> {
  const byUser = new Map<string, GlucoseReading[]>();
  if (userIds.length === 0) return byUser;
  const client = await connectClient();
  try {
    for (const userId of userIds) {
      const samples = await loadSamples(client, { userId, type: 'BLOOD_GLUCOSE', fromMs: nowMs - LOAD_DAYS * DAY_MS, toMs: nowMs + 1 });
      byUser.set(userId, dedupSamples(samples, rulesFor('BLOOD_GLUCOSE')).map((c) => ({ atMs: c.startMs, mgdl: c.sample.value })));
    }
  } finally {
    client.release();
  }
  return byUser;
}
