import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticExport } from '../../bench/import-gen';
import { sampleKey } from '../ingest/sync-batch';
import { parseAppleHealthExport, type AppleBatch, type AppleImportOptions } from './apple-health';

const NOW = Date.UTC(2026, 0, 1);
const dir = mkdtempSync(path.join(os.tmpdir(), 'apple-health-'));
const WATCH = 'sourceName="Watch" device="&lt;&lt;HKDevice: 0x1&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,1, software:10.1&gt;"';
const WATCH_LATER = 'sourceName="Watch" device="&lt;&lt;HKDevice: 0x2&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,1, software:11.0&gt;"';
const PHONE = 'sourceName="Phone" device="&lt;&lt;HKDevice: 0x3&gt;, name:iPhone, manufacturer:Apple Inc., model:iPhone, hardware:iPhone14,2, software:17.1&gt;"';
const APP = 'sourceName="Glucose App"';
const at = (time: string) => `startDate="2024-01-02 ${time} +0100" endDate="2024-01-02 ${time} +0100"`;
const span = (from: string, to: string) => `startDate="2024-01-02 ${from} +0100" endDate="2024-01-02 ${to} +0100"`;

const EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST Record type CDATA #REQUIRED>
]>
<HealthData locale="en_US">
 <ExportDate value="2024-01-03 08:00:00 +0100"/>
 <Me HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>
 <Record type="HKQuantityTypeIdentifierHeartRate" ${WATCH} unit="count/min" ${at('08:03:00')} value="72">
  <MetadataEntry key="HKMetadataKeySyncIdentifier" value="hr-1"/>
  <MetadataEntry key="HKMetadataKeySyncVersion" value="3"/>
  <HeartRateVariabilityMetadataList><InstantaneousBeatsPerMinute bpm="70" time="8:03:00.00 AM"/></HeartRateVariabilityMetadataList>
 </Record>
 <Record type="HKQuantityTypeIdentifierStepCount" ${PHONE} unit="count" ${span('08:00:00', '08:10:00')} value="812"/>
 <Record type="HKQuantityTypeIdentifierBodyMass" ${PHONE} unit="lb" ${at('07:00:00')} value="165"/>
 <Record type="HKQuantityTypeIdentifierBloodGlucose" ${APP} unit="mmol&lt;180.15588000005408&gt;/L" ${at('07:05:00')} value="5.5"/>
 <Record type="HKQuantityTypeIdentifierOxygenSaturation" ${WATCH_LATER} unit="%" ${at('03:00:00')} value="0.97"/>
 <Record type="HKQuantityTypeIdentifierBodyTemperature" ${PHONE} unit="degF" ${at('07:10:00')} value="98.6"/>
 <Record type="HKQuantityTypeIdentifierRestingHeartRate" ${WATCH} unit="count/min" ${span('00:00:00', '23:00:00')} value="54"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" ${WATCH} ${span('01:00:00', '02:30:00')} value="HKCategoryValueSleepAnalysisAsleepDeep"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" ${PHONE} ${span('00:30:00', '07:00:00')} value="HKCategoryValueSleepAnalysisInBed"/>
 <Record type="HKQuantityTypeIdentifierBloodPressureSystolic" ${APP} unit="mmHg" ${at('09:00:00')} value="121"/>
 <Record type="HKQuantityTypeIdentifierBloodPressureDiastolic" ${APP} unit="mmHg" ${at('09:00:00')} value="79"/>
 <Record type="HKQuantityTypeIdentifierHeartRate" ${WATCH} unit="count/min" ${at('08:04:00')} value="900"/>
 <Record type="HKQuantityTypeIdentifierVO2Max" ${WATCH} unit="mL/min·kg" ${at('08:05:00')} value="40"/>
 <Correlation type="HKCorrelationTypeIdentifierBloodPressure" ${APP} ${at('09:00:00')}>
  <MetadataEntry key="HKMetadataKeySyncIdentifier" value="bp-1"/>
  <Record type="HKQuantityTypeIdentifierBloodPressureSystolic" ${APP} unit="mmHg" ${at('09:00:00')} value="121"/>
  <Record type="HKQuantityTypeIdentifierBloodPressureDiastolic" ${APP} unit="mmHg" ${at('09:00:00')} value="79"/>
 </Correlation>
 <Workout workoutActivityType="HKWorkoutActivityTypeTraditionalStrengthTraining" duration="45" durationUnit="min" ${WATCH} ${span('18:00:00', '18:45:00')}>
  <MetadataEntry key="HKMetadataKeySyncIdentifier" value="wo-1"/>
  <WorkoutEvent type="HKWorkoutEventTypePause" date="2024-01-02 18:10:00 +0100"/>
 </Workout>
 <ActivitySummary dateComponents="2024-01-02" activeEnergyBurned="400"/>
</HealthData>
`;

// The import's default limits (lib/env.ts); lib/imports/zip-bomb.test.ts tests them.
const ZIP_LIMITS = { maxUncompressedBytes: 8 * 1024 ** 3, maxRatio: 100 };

async function readAll(options: Omit<AppleImportOptions, 'zipLimits'>) {
  const batches: AppleBatch[] = [];
  for await (const batch of parseAppleHealthExport({ ...options, zipLimits: ZIP_LIMITS })) batches.push(batch);
  return { batches, last: batches.at(-1) as AppleBatch, samples: batches.flatMap((b) => b.samples), rejected: batches.flatMap((b) => b.rejected) };
}

// A minimal zip (stored, no compression) so the test needs no zip tool.
function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('parseAppleHealthExport', () => {
  const xmlPath = path.join(dir, 'export.xml');
  writeFileSync(xmlPath, EXPORT);

  it('maps records, sleep stages, workouts and blood pressure to samples in canonical units', async () => {
    const { samples, last } = await readAll({ path: xmlPath, nowMs: NOW });
    const byType = (type: string) => samples.filter((s) => s.sample.type === type).map((s) => s.sample);
    expect(byType('HEART_RATE')).toEqual([
      { type: 'HEART_RATE', startMs: Date.UTC(2024, 0, 2, 7, 3), endMs: Date.UTC(2024, 0, 2, 7, 3), value: 72, category: null, clientRecordId: 'hr-1', version: 3, metadata: null },
    ]);
    expect(byType('STEPS')[0]).toMatchObject({ value: 812, startMs: Date.UTC(2024, 0, 2, 7, 0), endMs: Date.UTC(2024, 0, 2, 7, 10) });
    expect(byType('WEIGHT')[0]?.value).toBeCloseTo(74.8427, 4);
    expect(byType('BLOOD_GLUCOSE')[0]?.value).toBeCloseTo(99.0858, 4);
    expect(byType('OXYGEN_SATURATION')[0]?.value).toBeCloseTo(97, 9);
    expect(byType('BODY_TEMPERATURE')[0]?.value).toBeCloseTo(37, 9);
    expect(byType('RESTING_HEART_RATE')[0]?.value).toBe(54);
    expect(byType('SLEEP_STATE').map((s) => [s.category, s.value])).toEqual([['asleepDeep', 90], ['inBed', 390]]);
    expect(byType('WORKOUT')).toMatchObject([{ category: 'strength', value: 45, clientRecordId: 'wo-1' }]);
    expect(last.unsupported).toEqual({ HKQuantityTypeIdentifierVO2Max: 1, ActivitySummary: 1 });
  });

  it('stores blood pressure once although the export lists it as records and as a correlation', async () => {
    const { samples } = await readAll({ path: xmlPath, nowMs: NOW });
    const bp = samples.filter((s) => s.sample.type.startsWith('BLOOD_PRESSURE'));
    const identities = new Set(bp.map((s) => `${s.sourceKey} ${sampleKey(s.sample)}`));
    expect([...identities].sort()).toEqual([
      `Glucose App||| k:BLOOD_PRESSURE_DIASTOLIC:${Date.UTC(2024, 0, 2, 8)}:${Date.UTC(2024, 0, 2, 8)}`,
      `Glucose App||| k:BLOOD_PRESSURE_SYSTOLIC:${Date.UTC(2024, 0, 2, 8)}:${Date.UTC(2024, 0, 2, 8)}`,
    ]);
  });

  it('rejects implausible records with the reason and the element index', async () => {
    const { rejected } = await readAll({ path: xmlPath, nowMs: NOW });
    expect(rejected).toEqual([{ record: 13, reason: 'HEART_RATE: value must be between 20 and 300 count/min' }]);
  });

  it('lists each source once, keyed without pointer or software version, watch first in priority', async () => {
    const { last, samples } = await readAll({ path: xmlPath, nowMs: NOW });
    expect(last.sources.map((s) => [s.key, s.kind, s.priority])).toEqual([
      ['Watch|Apple Watch|Watch|Watch6,1', 'watch', 100],
      ['Phone|iPhone|iPhone|iPhone14,2', 'phone', 80],
      ['Glucose App|||', 'app', 50],
    ]);
    expect(new Set(samples.map((s) => s.sourceKey)).size).toBe(3);
  });

  it('reads export.xml from inside export.zip, with the same result', async () => {
    const zipPath = path.join(dir, 'export.zip');
    writeFileSync(zipPath, zip([['apple_health_export/export_cda.xml', '<ClinicalDocument/>'], ['apple_health_export/export.xml', EXPORT]]));
    const fromZip = await readAll({ path: zipPath, nowMs: NOW });
    const fromXml = await readAll({ path: xmlPath, nowMs: NOW });
    expect(fromZip.samples).toEqual(fromXml.samples);
    expect(fromZip.last.position).toEqual({ records: fromXml.last.position.records, bytesRead: Buffer.byteLength(EXPORT), totalBytes: Buffer.byteLength(EXPORT) });
  });

  it('batches with exact positions, so resuming from any batch neither loses nor repeats a sample', async () => {
    const bigPath = path.join(dir, 'generated.xml');
    await writeSyntheticExport({ path: bigPath, records: 3000, startMs: Date.UTC(2024, 0, 1) });
    const full = await readAll({ path: bigPath, nowMs: NOW, batchSize: 400 });
    expect(full.batches.length).toBeGreaterThan(5);
    const bytes = full.batches.map((b) => b.position.bytesRead);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(full.last.position.bytesRead).toBe(full.last.position.totalBytes);
    const cut = full.batches[2] as AppleBatch;
    const before = full.batches.slice(0, 3).flatMap((b) => b.samples);
    const resumed = await readAll({ path: bigPath, nowMs: NOW, batchSize: 400, skipRecords: cut.position.records });
    expect([...before, ...resumed.samples]).toEqual(full.samples);
  });
});

describe('XML attacks', () => {
  const parse = (name: string, xml: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, xml);
    return readAll({ path: file, nowMs: NOW });
  };
  const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');

  it('never expands a billion-laughs entity: the document is rejected at the first reference', async () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE HealthData [\n<!ENTITY lol0 "lol">\n${laughs}\n]>\n<HealthData><Record type="HKQuantityTypeIdentifierHeartRate" sourceName="&lol9;" unit="count/min" ${at('08:00:00')} value="60"/></HealthData>`;
    await expect(parse('laughs.xml', xml)).rejects.toThrow(/not a readable Apple Health export: .*undefined entity/);
  });

  it('never resolves an external entity', async () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE HealthData [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<HealthData><Record type="HKQuantityTypeIdentifierHeartRate" sourceName="x" unit="count/min" ${at('08:00:00')} value="60"><MetadataEntry key="k" value="&xxe;"/></Record>&xxe;</HealthData>`;
    await expect(parse('xxe.xml', xml)).rejects.toThrow(/undefined entity/);
  });

  it('treats declared but unused entities as inert', async () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE HealthData [<!ENTITY xxe SYSTEM "file:///etc/passwd">\n<!ENTITY lol0 "lol">\n${laughs}]>\n<HealthData><Record type="HKQuantityTypeIdentifierHeartRate" sourceName="x" unit="count/min" ${at('08:00:00')} value="60"/></HealthData>`;
    const { samples } = await parse('inert.xml', xml);
    expect(samples.map((s) => [s.sourceKey, s.sample.value])).toEqual([['x|||', 60]]);
  });

  it('rejects a file that is not XML', async () => {
    await expect(parse('garbage.xml', 'not xml at all')).rejects.toThrow(/not a readable Apple Health export/);
  });
});
