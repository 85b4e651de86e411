// What a patient's export contains: for each type and the chosen local days, the readings that count
// after cross-device dedup (the same "one truth" the aggregates are computed from; a sample partly
// covered by a higher-priority device contributes only its uncovered part), with the device each came
// from; or the daily aggregates. Read a month at a time, so memory stays flat for years of data.
import { connectClient, prisma } from '../db/client';
import type { HealthType } from '../health';
import { dedupSamples } from '../pipeline';
import { addDays, zonedDayRangeUtc } from '../time';
import { loadSamples } from './aggregation/load-samples';
import { decryptDeviceName } from './device-fields';
import { rulesFor } from './aggregation/type-rules';
import { findAggregates } from './aggregates';
import type { ReadScope } from './access';

export type ExportReading = { id: string; type: HealthType; startMs: number; endMs: number; value: number; category: string | null; source: string };

const WINDOW_DAYS = 31;

export async function* exportReadings(scope: ReadScope, types: readonly HealthType[], fromDay: string, toDay: string): AsyncGenerator<ExportReading> {
  const devices = await prisma.device.findMany({ where: { userId: scope.patientId }, select: { id: true, name: true } });
  const names = new Map(await Promise.all(devices.map(async (d) => [d.id, await decryptDeviceName(scope.patientId, d.id, d.name)] as const)));
  const client = await connectClient();
  try {
    for (const type of types) {
      const rules = rulesFor(type);
      for (let day = fromDay; day <= toDay; day = addDays(day, WINDOW_DAYS)) {
        const last = addDays(day, WINDOW_DAYS - 1) < toDay ? addDays(day, WINDOW_DAYS - 1) : toDay;
        const fromMs = zonedDayRangeUtc(day, scope.timeZone).startMs;
        const toMs = zonedDayRangeUtc(last, scope.timeZone).endMs;
        const samples = await loadSamples(client, { userId: scope.patientId, type, fromMs, toMs });
        const parts = new Map<string, number>();
        for (const c of dedupSamples(samples, rules)) {
          // Each reading belongs to the window its part starts in (neighbouring windows load it too).
          if (c.startMs < fromMs || c.startMs >= toMs) continue;
          const n = (parts.get(c.sample.id) ?? 0) + 1;
          parts.set(c.sample.id, n);
          yield {
            id: n === 1 ? c.sample.id : `${c.sample.id}-${n}`,
            type,
            startMs: c.startMs,
            endMs: c.endMs,
            value: c.value,
            category: c.sample.category ?? null,
            source: names.get(c.sample.deviceId) ?? 'unknown source',
          };
        }
      }
    }
  } finally {
    client.release();
  }
}

export async function* exportDailyAggregates(scope: ReadScope, types: readonly HealthType[], fromDay: string, toDay: string) {
  const byType = await findAggregates(scope, { types, period: 'DAY', fromDay, toDay });
  for (const type of types) {
    for (const row of (byType[type] ?? []) as { periodStart: string; value: number; min: number | null; max: number | null; count: number }[]) {
      yield { type, day: row.periodStart.slice(0, 10), value: row.value, min: row.min, max: row.max, count: row.count };
    }
  }
}
