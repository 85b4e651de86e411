// Mirrors the health type catalogue (lib/health is the source of truth) into the health_types table.
import type pg from 'pg';
import { HEALTH_TYPE_DEFINITIONS } from '../health';

export async function syncHealthTypeCatalogue(client: pg.Client | pg.Pool): Promise<number> {
  const defs = Object.values(HEALTH_TYPE_DEFINITIONS);
  await client.query(
    `INSERT INTO health_types (type, display_name, canonical_unit, aggregation, dedup_kind, match_window_seconds,
                               min_value, max_value, loinc_code, healthkit_id, category_values)
     SELECT t.type::"HealthType", t.display_name, t.canonical_unit, t.aggregation::"Aggregation",
            t.dedup_kind::"DedupKind", t.match_window_seconds, t.min_value, t.max_value, t.loinc_code,
            t.healthkit_id, (SELECT array_agg(v) FROM jsonb_array_elements_text(t.category_values) v)
     FROM jsonb_to_recordset($1::jsonb) AS t(type text, display_name text, canonical_unit text, aggregation text,
          dedup_kind text, match_window_seconds int, min_value float8, max_value float8, loinc_code text,
          healthkit_id text, category_values jsonb)
     ON CONFLICT (type) DO UPDATE SET display_name = EXCLUDED.display_name, canonical_unit = EXCLUDED.canonical_unit,
       aggregation = EXCLUDED.aggregation, dedup_kind = EXCLUDED.dedup_kind,
       match_window_seconds = EXCLUDED.match_window_seconds, min_value = EXCLUDED.min_value,
       max_value = EXCLUDED.max_value, loinc_code = EXCLUDED.loinc_code, healthkit_id = EXCLUDED.healthkit_id,
       category_values = EXCLUDED.category_values`,
    [
      JSON.stringify(
        defs.map((d) => ({
          type: d.type,
          display_name: d.displayName,
          canonical_unit: d.canonicalUnit,
          aggregation: d.aggregation,
          dedup_kind: d.dedupKind,
          match_window_seconds: d.matchWindowSeconds,
          min_value: d.range.min,
          max_value: d.range.max,
          loinc_code: d.loinc,
          healthkit_id: d.healthKit,
          category_values: d.categoryValues ?? [],
        })),
      ),
    ],
  );
  return defs.length;
}
