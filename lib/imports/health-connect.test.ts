// Health Connect's own export (Settings → Health Connect → Export data: a zip holding
// health_connect_export.db) imported through the import machinery (runImport in-process). The fixture
// database is built here with sql.js, with the tables and columns a real export has, as documented in the
// "Database Schema" section of the Health Connect Explorer README (hc-explorer, a reader of real exports:
// common columns row_id, uuid, app_info_id, time / start_time, end_time; weight in grams, energy in
// calories; heart_rate_record_series_table and sleep_stages_table as children by parent_key). These are
// the names of the platform's storage helpers (AOSP packages/modules/HealthFitness *RecordHelper.java).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it, onTestFinished } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createImport, findImport } from '@/lib/data/imports';
import type { ZipLimits } from '@/lib/interop/apple-health';
import { createSignedInUser, createUser, waitFor } from '@/test/factories';
import { api, baseUrl } from '@/test/http';
import { buildZip } from '@/test/zip';
import { detectFormat } from './detect';
import { runImport } from './run';

const LIMITS: ZipLimits = { maxUncompressedBytes: 8 * 1024 ** 3, maxRatio: 100 };
const T0 = Date.UTC(2026, 10, 20, 6, 0); // 2026-11-20T06:00Z
const MIN = 60_000;
const uuid = (n: number) => Buffer.from(n.toString(16).padStart(32, '0'), 'hex');

const SCHEMA = `
  CREATE TABLE application_info_table (row_id INTEGER PRIMARY KEY, package_name TEXT, app_name TEXT);
  CREATE TABLE steps_record_table (row_id INTEGER PRIMARY KEY, uuid BLOB, app_info_id INTEGER, start_time INTEGER, start_zone_offset INTEGER, end_time INTEGER, end_zone_offset INTEGER, local_date INTEGER, count INTEGER);
  CREATE TABLE active_calories_burned_record_table (row_id INTEGER PRIMARY KEY, uuid BLOB, app_info_id INTEGER, start_time INTEGER, end_time INTEGER, energy REAL);
  CREATE TABLE weight_record_table (row_id INTEGER PRIMARY KEY, uuid BLOB, app_info_id INTEGER, time INTEGER, zone_offset INTEGER, local_date INTEGER, weight REAL);
  CREATE TABLE blood_pressure_record_table (row_id INTEGER PRIMARY KEY, uuid BLOB, app_info_id INTEGER, time INTEGER, systolic REAL, diastolic REAL, body_position INTEGER, measurement_location INTEGER);
  CREATE TABLE blood_glucose_record_table (row_id INTEGER PRIMARY KEY, uuid BLOB, app_info_id INTEGER, time INTEGER, level REAL, specimen_source INTEGER, relation_to_meal INTEGER, meal_type INTEGER);
  CREATE TABLE heart_rate_record_table (row_id INTEGER PRIMARY KEY, uuid BLOB, app_info_id INTEGER, start_time INTEGER, end_time INTEGER);
  CREATE TABLE heart_rate_record_series_table (row_id INTEGER PRIMARY KEY, parent_key INTEGER, beats_per_minute INTEGER, epoch_millis INTEGER);
  CREATE TABLE sleep_session_record_table (row_id INTEGER PRIMARY KEY, uuid BLOB, app_info_id INTEGER, start_time INTEGER, end_time INTEGER, title TEXT, notes TEXT);
  CREATE TABLE sleep_stages_table (row_id INTEGER PRIMARY KEY, parent_key INTEGER, stage_start_time INTEGER, stage_end_time INTEGER, stage_type INTEGER);
  CREATE TABLE exercise_session_record_table (row_id INTEGER PRIMARY KEY, uuid BLOB, app_info_id INTEGER, start_time INTEGER, end_time INTEGER, exercise_type INTEGER, title TEXT);
`;

/** A small export: 12 record rows (a heart-rate series counts a row per reading), one bad weight. */
async function exportDb(): Promise<Buffer> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(SCHEMA);
  const insert = (sql: string, ...rows: unknown[][]) => rows.forEach((r) => db.run(sql, r as (number | string | Uint8Array | null)[]));
  insert('INSERT INTO application_info_table VALUES (?, ?, ?)', [1, 'com.google.android.apps.fitness', 'Fit'], [2, 'com.withings.wiscale2', 'Withings']);
  insert('INSERT INTO steps_record_table (row_id, uuid, app_info_id, start_time, end_time, count) VALUES (?, ?, 1, ?, ?, ?)',
    [1, uuid(1), T0, T0 + 10 * MIN, 800], [2, uuid(2), T0 + 10 * MIN, T0 + 20 * MIN, 650], [3, uuid(3), T0 + 20 * MIN, T0 + 30 * MIN, 120]);
  insert('INSERT INTO active_calories_burned_record_table VALUES (?, ?, 1, ?, ?, ?)', [1, uuid(4), T0, T0 + 30 * MIN, 95_500]); // 95.5 kcal
  insert('INSERT INTO weight_record_table (row_id, uuid, app_info_id, time, weight) VALUES (?, ?, 2, ?, ?)',
    [1, uuid(5), T0 + 60 * MIN, 72_350], [2, uuid(6), T0 + 61 * MIN, 72_350_000]); // 72.35 kg; 72 t is refused
  insert('INSERT INTO blood_pressure_record_table (row_id, uuid, app_info_id, time, systolic, diastolic) VALUES (?, ?, 2, ?, ?, ?)', [1, uuid(7), T0 + 62 * MIN, 124, 81]);
  insert('INSERT INTO blood_glucose_record_table (row_id, uuid, app_info_id, time, level) VALUES (?, ?, 2, ?, ?)', [1, uuid(8), T0 + 63 * MIN, 5.2]);
  insert('INSERT INTO heart_rate_record_table VALUES (?, ?, 1, ?, ?)', [1, uuid(9), T0, T0 + 2 * MIN]);
  insert('INSERT INTO heart_rate_record_series_table VALUES (?, 1, ?, ?)', [1, 61, T0], [2, 64, T0 + MIN]);
  insert('INSERT INTO sleep_session_record_table (row_id, uuid, app_info_id, start_time, end_time) VALUES (?, ?, 1, ?, ?)', [1, uuid(10), T0 - 420 * MIN, T0 - 60 * MIN]);
  insert('INSERT INTO sleep_stages_table VALUES (?, 1, ?, ?, ?)',
    [1, T0 - 420 * MIN, T0 - 300 * MIN, 4], [2, T0 - 300 * MIN, T0 - 240 * MIN, 5], [3, T0 - 240 * MIN, T0 - 180 * MIN, 6], [4, T0 - 180 * MIN, T0 - 170 * MIN, 1], [5, T0 - 170 * MIN, T0 - 60 * MIN, 0]);
  insert('INSERT INTO exercise_session_record_table (row_id, uuid, app_info_id, start_time, end_time, exercise_type, title) VALUES (?, ?, 1, ?, ?, ?, ?)', [1, uuid(11), T0 + 120 * MIN, T0 + 160 * MIN, 56, 'Morning run']);
  const bytes = Buffer.from(db.export());
  db.close();
  return bytes;
}

async function importFile(data: Buffer, name: string, opts: { recordsDone?: number; user?: { id: string } } = {}) {
  const user = opts.user ?? (await createUser({ timeZone: 'UTC' }));
  const recordsDone = opts.recordsDone ?? 0;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hc-import-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, name);
  await writeFile(file, data);
  const { id } = await createImport({ userId: user.id, format: 'HEALTH_CONNECT', filePath: file, bytesTotal: data.length });
  if (recordsDone > 0) await prisma.import.update({ where: { id }, data: { recordsDone } }); // a run that stopped after a chunk
  await runImport(id, LIMITS);
  const samples = await prisma.healthSample.findMany({ where: { userId: user.id }, orderBy: [{ type: 'asc' }, { startAt: 'asc' }] });
  return { user, status: await findImport(user.id, id), samples };
}

describe('Health Connect export import', () => {
  it('detects the zip and the bare database', async () => {
    const db = await exportDb();
    expect(detectFormat(buildZip([{ name: 'health_connect_export.db', data: db }]).subarray(0, 4096), 'Health Connect.zip')).toBe('health-connect');
    expect(detectFormat(db.subarray(0, 4096), 'health_connect_export.db')).toBe('health-connect');
    expect(detectFormat(buildZip([{ name: 'apple_health_export/export.xml', data: Buffer.from('<HealthData/>') }]).subarray(0, 4096), 'export.zip')).toBe('apple-health');
  });

  it('imports every record type in canonical units (grams → kg, calories → kcal), one source per app, with progress', async () => {
    const zip = buildZip([{ name: 'health_connect_export.db', data: await exportDb() }]);
    const { status, samples } = await importFile(zip, 'Health Connect.zip');
    expect(status).toMatchObject({ format: 'health-connect', status: 'done', progress: 1, accepted: 15, rejectedCount: 1 });
    expect(status.rejected[0]!.reason).toMatch(/^weight_record_table: WEIGHT: value/);

    const of = (type: string) => samples.filter((s) => s.type === type);
    expect(of('STEPS').map((s) => s.value)).toEqual([800, 650, 120]);
    expect(of('ACTIVE_ENERGY')[0]!.value).toBeCloseTo(95.5, 6);
    expect(of('WEIGHT')).toHaveLength(1);
    expect(of('WEIGHT')[0]!.value).toBeCloseTo(72.35, 9); // 72,350 g
    expect(of('WEIGHT')[0]!.deviceId).not.toBe(of('STEPS')[0]!.deviceId); // Withings and Fit are two sources
    expect([of('BLOOD_PRESSURE_SYSTOLIC')[0]!.value, of('BLOOD_PRESSURE_DIASTOLIC')[0]!.value]).toEqual([124, 81]);
    expect(of('BLOOD_GLUCOSE')[0]!.value).toBeCloseTo(93.68, 1); // 5.2 mmol/L
    expect(of('HEART_RATE').map((s) => s.value)).toEqual([61, 64]);
    expect(of('SLEEP_STATE').map((s) => [s.category, s.value])).toEqual([['asleepCore', 120], ['asleepDeep', 60], ['asleepREM', 60], ['awake', 10]]);
    expect(of('WORKOUT').map((s) => [s.category, s.value])).toEqual([['running', 40]]);
    expect(samples.every((s) => s.clientRecordId?.startsWith('hc:'))).toBe(true);
  });

  it('resumes after the records an interrupted run committed, and a re-import adds nothing', async () => {
    const db = await exportDb();
    const resumed = await importFile(db, 'health_connect_export.db', { recordsDone: 3 }); // the three steps rows were done
    expect(resumed.samples.filter((s) => s.type === 'STEPS')).toHaveLength(0);
    expect(resumed.status).toMatchObject({ status: 'done', accepted: 12 });

    const again = await importFile(db, 'health_connect_export.db', { user: resumed.user });
    expect(again.status).toMatchObject({ status: 'done', accepted: 3, duplicates: 12 });
    expect(again.samples).toHaveLength(15);
  });

  it('fails a zip without the database, and a file that is not SQLite, storing nothing', async () => {
    const noDb = await importFile(buildZip([{ name: 'readme.txt', data: Buffer.from('hello') }]), 'Health Connect.zip');
    expect(noDb.status).toMatchObject({ status: 'failed', error: expect.stringMatching(/holds no health_connect_export\.db/) });
    const notSqlite = await importFile(buildZip([{ name: 'health_connect_export.db', data: Buffer.from('not a database at all, really') }]), 'Health Connect.zip');
    expect(notSqlite.status).toMatchObject({ status: 'failed', error: expect.stringMatching(/not a SQLite database/) });
    expect(noDb.samples.length + notSqlite.samples.length).toBe(0);
  });

  it('over HTTP: the upload is detected as Health Connect and imported in the background (sql.js in the server)', async () => {
    const patient = await createSignedInUser({ role: 'PATIENT' });
    const zip = buildZip([{ name: 'health_connect_export.db', data: await exportDb() }]);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'Health Connect.zip');
    const res = await fetch(`${baseUrl()}/api/v1/imports`, { method: 'POST', body: form, headers: { cookie: patient.cookie } });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const done = await waitFor(async () => {
      const status = await api(`/api/v1/imports/${id}`, { cookie: patient.cookie });
      return status.body.status === 'done' || status.body.status === 'failed' ? status.body : null;
    }, 'the Health Connect import', 90_000);
    expect(done).toMatchObject({ format: 'health-connect', status: 'done', progress: 1, accepted: 15, rejectedCount: 1 });
  });
});
