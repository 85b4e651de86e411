// A patient's insulin and carbohydrates over a range of local days, for the doctor's page: per day the
// total insulin split into basal (scheduled and temp basal) and bolus (meal, correction, SMB) — doses
// whose kind the source did not say are counted apart, never guessed — and the carbs eaten. The same
// dedup as the aggregates (lib/pipeline), so a bolus relayed by two uploaders counts once here too.
// Averages are over whole days with data: a day without uploads is missing data, not a day without insulin,
// and the day still running is partial.
import { connectClient } from '../db/client';
import { getHealthType, type HealthType } from '../health';
import { dailyTotalsByGroup, dedupSamples, type Contribution } from '../pipeline';
import { addDays, zonedDayRangeUtc } from '../time';
import { allowedTypes, narrowDays, type ReadScope } from './access';
import { loadSamples } from './aggregation/load-samples';
import { rulesFor } from './aggregation/type-rules';

export type DiabetesDay = { day: string; insulin: number | null; basal: number; bolus: number; unspecified: number; carbs: number | null; partial: boolean };
type Average = { days: number; value: number };
export type DiabetesSummary = {
  from: string;
  to: string;
  /** Days with any insulin or carbs, newest first. */
  days: DiabetesDay[];
  /** Over whole days with insulin data (null: none): total daily insulin and its split. */
  insulin: (Average & { basal: number; bolus: number; unspecified: number }) | null;
  carbs: Average | null;
};

const TYPES: HealthType[] = ['INSULIN', 'CARBOHYDRATES'];

function insulinGroup(c: Contribution): 'basal' | 'bolus' | 'unspecified' {
  const kind = c.sample.category;
  if (!kind) return 'unspecified';
  return getHealthType('INSULIN').categoryStreams?.[kind] === 'basal' ? 'basal' : 'bolus';
}

async function dailyTotals(scope: ReadScope, type: HealthType, range: { from: string; to: string }) {
  const fromMs = zonedDayRangeUtc(range.from, scope.timeZone).startMs;
  const toMs = zonedDayRangeUtc(range.to, scope.timeZone).endMs;
  const client = await connectClient();
  try {
    // A day either side: a delivery that started the day before and the match window across midnight.
    const samples = await loadSamples(client, {
      userId: scope.patientId,
      type,
      fromMs: zonedDayRangeUtc(addDays(range.from, -1), scope.timeZone).startMs,
      toMs: zonedDayRangeUtc(addDays(range.to, 1), scope.timeZone).endMs,
    });
    const rules = rulesFor(type);
    const counted = dedupSamples(samples, rules).filter((c) => c.endMs >= fromMs && c.startMs < toMs);
    const group = type === 'INSULIN' ? insulinGroup : () => 'total';
    const days = dailyTotalsByGroup(counted, rules, scope.timeZone, group);
    return new Map([...days].filter(([day]) => day >= range.from && day <= range.to));
  } finally {
    client.release();
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Null when the scope may not read either type, or there is nothing in the range. */
export async function findDiabetesSummary(scope: ReadScope, query: { fromDay: string; toDay: string; today: string }): Promise<DiabetesSummary | null> {
  const types = allowedTypes(scope, TYPES);
  const range = narrowDays(scope, query.fromDay, query.toDay);
  if (types.length === 0 || range.from > range.to) return null;
  const insulin = types.includes('INSULIN') ? await dailyTotals(scope, 'INSULIN', range) : new Map<string, Record<string, number>>();
  const carbs = types.includes('CARBOHYDRATES') ? await dailyTotals(scope, 'CARBOHYDRATES', range) : new Map<string, Record<string, number>>();
  const dayList = [...new Set([...insulin.keys(), ...carbs.keys()])].sort().reverse();
  if (dayList.length === 0) return null;
  const days: DiabetesDay[] = dayList.map((day) => {
    const i = insulin.get(day);
    const basal = i?.basal ?? 0;
    const bolus = i?.bolus ?? 0;
    const unspecified = i?.unspecified ?? 0;
    return { day, insulin: i ? basal + bolus + unspecified : null, basal, bolus, unspecified, carbs: carbs.get(day)?.total ?? null, partial: day >= query.today };
  });
  const whole = days.filter((d) => !d.partial);
  const withInsulin = whole.filter((d) => d.insulin !== null);
  const withCarbs = whole.filter((d) => d.carbs !== null);
  return {
    from: range.from,
    to: range.to,
    days,
    insulin: withInsulin.length
      ? {
          days: withInsulin.length,
          value: mean(withInsulin.map((d) => d.insulin!)),
          basal: mean(withInsulin.map((d) => d.basal)),
          bolus: mean(withInsulin.map((d) => d.bolus)),
          unspecified: mean(withInsulin.map((d) => d.unspecified)),
        }
      : null,
    carbs: withCarbs.length ? { days: withCarbs.length, value: mean(withCarbs.map((d) => d.carbs!)) } : null,
  };
}
