// The glucose report's reads (issue 18): the consensus metrics of a period and its AGP. Mirrors
// lib/data/glucose-report.ts (metricsAnswer, agpAnswer) and the query lib/http/glucose-handlers.ts parses.
import { z } from 'zod';
import { daySchema } from './common';

export { periodQuery as glucosePeriodQuery } from '../http/glucose-handlers';

const percent = z.number().min(0).max(100);
const mgdl = z.number().meta({ description: 'mg/dL, to 0.1.' });
const ranges = z
  .object({ veryLow: percent, low: percent, target: percent, high: percent, veryHigh: percent })
  .meta({ id: 'GlucoseRanges', description: '% of the time the CGM covered, to 0.1, summing to 100: very low < 54, low 54–69 (pregnancy 54–62), in range 70–180 (63–140), high 181–250 (141–250), very high > 250 mg/dL; a share above 0 never rounds to 0.' });

export const glucoseMetrics = z
  .object({
    from: daySchema,
    to: daySchema,
    source: z.enum(['cgm', 'meter']).meta({ description: 'cgm when CGM readings cover any of the period; else meter (spot checks: no time in range).' }),
    readings: z.int(),
    days: z.int().meta({ description: 'Local days with at least one reading.' }),
    activePercent: percent.nullable().meta({ description: 'CGM only: % of the period (its elapsed part) the readings cover; each reading stands for at most its sensor’s sampling interval (≤ 15 min).' }),
    mean: mgdl.nullable(),
    gmi: z.number().nullable().meta({ description: 'CGM only: glucose management indicator, % = 3.31 + 0.02392 × mean mg/dL.' }),
    sd: mgdl.nullable(),
    cv: percent.nullable().meta({ description: 'SD / mean × 100; the consensus target is ≤ 36 %.' }),
    ranges: ranges.nullable(),
    targets: z.object({
      preset: z.enum(['STANDARD', 'OLDER_HIGH_RISK', 'PREGNANCY_TYPE_1']),
      low: z.number(),
      high: z.number(),
      missed: z.array(z.object({ label: z.string(), bound: z.enum(['max', 'min']), percent: z.number(), value: z.number() })).meta({ description: 'The consensus targets this period misses (CGM only).' }),
    }),
    structured: z
      .array(z.object({ context: z.string(), count: z.int(), mean: z.number(), min: z.number(), max: z.number(), inTargetPercent: percent, target: z.object({ low: z.number(), high: z.number() }) }))
      .meta({ description: 'Meter only: readings by the meal context recorded with them, each against that moment’s target.' }),
    note: z.string().nullable().meta({ description: 'Why figures are missing or weak (meter only, too little CGM wear, no readings).' }),
  })
  .meta({ id: 'GlucoseMetrics', description: 'International consensus metrics (Battelino et al., Diabetes Care 2019) over the patient’s local days.' });

const slot = z.object({ minute: z.int().min(0).max(1425), p5: mgdl.nullable(), p25: mgdl.nullable(), p50: mgdl.nullable(), p75: mgdl.nullable(), p95: mgdl.nullable(), n: z.int() });
export const glucoseAgp = z
  .object({ from: daySchema, to: daySchema, source: z.literal('cgm'), readings: z.int(), slots: z.array(slot).length(96) })
  .meta({ id: 'GlucoseAgp', description: 'Ambulatory Glucose Profile: the 5th–95th percentiles of CGM readings per 15-minute slot of the local day (slot 0 at local midnight); null percentiles where no reading fell.' });
