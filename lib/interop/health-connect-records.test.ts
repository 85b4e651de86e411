// Health Connect nutrition records → CARBOHYDRATES (grams, the meal's interval); a record without
// carbohydrates adds nothing and is not an error. The table as the platform's NutritionRecordHelper
// (AOSP packages/modules/HealthFitness) names it: nutrition_record_table(total_carbohydrate, …).
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { HEALTH_CONNECT_TABLES, type Row } from './health-connect-records';
import { validateItem } from './import-result';

const T0 = Date.UTC(2026, 10, 20, 12, 0);
const NOW = Date.UTC(2026, 11, 1);

describe('nutrition_record_table', () => {
  it('reads each meal’s carbohydrates as CARBOHYDRATES in g over its interval; no carbs, no sample', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE nutrition_record_table (row_id INTEGER PRIMARY KEY, uuid BLOB, app_info_id INTEGER, start_time INTEGER, end_time INTEGER, energy REAL, protein REAL, total_carbohydrate REAL, meal_type INTEGER)');
    db.run('INSERT INTO nutrition_record_table VALUES (1, ?, 1, ?, ?, 550000, 20, 62.5, 2)', [new Uint8Array([0xab, 0xcd]), T0, T0 + 20 * 60_000]);
    db.run('INSERT INTO nutrition_record_table VALUES (2, ?, 1, ?, ?, 2000, NULL, NULL, 0)', [new Uint8Array([0x01]), T0 + 3_600_000, T0 + 3_600_000]);
    const spec = HEALTH_CONNECT_TABLES.find((t) => t.table === 'nutrition_record_table')!;
    const result = db.exec(spec.sql)[0]!;
    const rows = result.values.map((v) => Object.fromEntries(result.columns.map((c, i) => [c, v[i]])) as Row);
    db.close();

    const [meal, coffee] = rows.map((r) => validateItem(spec.toRaws(r), NOW));
    expect(meal).toMatchObject({ status: 'accepted', samples: [{ type: 'CARBOHYDRATES', value: 62.5, startMs: T0, endMs: T0 + 20 * 60_000, clientRecordId: 'hc:abcd' }] });
    expect(coffee).toEqual({ status: 'accepted', samples: [] });
    expect(HEALTH_CONNECT_TABLES.at(-1)?.table).toBe('nutrition_record_table'); // appended: resume positions of older tables hold
  });
});
