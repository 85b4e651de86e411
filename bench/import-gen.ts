// tsx bench/import-gen.ts --out PATH [--mb 2000 | --records N] — writes a synthetic Apple Health
// export.xml (Apple's DTD header, a realistic mix of records, correlations, workouts and unsupported
// types, several sources) without holding it in memory. Used by bench/import.ts.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 14 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|Audiogram|VisionPrescription)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate value CDATA #REQUIRED>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record type CDATA #REQUIRED unit CDATA #IMPLIED value CDATA #IMPLIED sourceName CDATA #REQUIRED sourceVersion CDATA #IMPLIED device CDATA #IMPLIED creationDate CDATA #IMPLIED startDate CDATA #REQUIRED endDate CDATA #REQUIRED>
<!ELEMENT MetadataEntry EMPTY>
<!ATTLIST MetadataEntry key CDATA #REQUIRED value CDATA #REQUIRED>
]>
<HealthData locale="en_US">
 <ExportDate value="2026-11-01 08:00:00 +0100"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1980-01-01" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>
`;
const FOOTER = '</HealthData>\n';
const WATCH = 'sourceName="Anna’s Apple Watch" sourceVersion="10.1" device="&lt;&lt;HKDevice: 0x283f0a8a0&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,1, software:10.1&gt;"';
const PHONE = 'sourceName="Anna’s iPhone" sourceVersion="17.1" device="&lt;&lt;HKDevice: 0x283f0b1c0&gt;, name:iPhone, manufacturer:Apple Inc., model:iPhone, hardware:iPhone14,2, software:17.1&gt;"';
const SCALE = 'sourceName="Withings" sourceVersion="6.2"';

function appleDate(ms: number): string {
  const local = new Date(ms + 3_600_000).toISOString(); // +0100
  return `${local.slice(0, 10)} ${local.slice(11, 19)} +0100`;
}

function sync(id: string): string {
  return `\n  <MetadataEntry key="HKMetadataKeySyncIdentifier" value="${id}"/>\n  <MetadataEntry key="HKMetadataKeySyncVersion" value="1"/>\n `;
}

function record(type: string, source: string, unit: string, value: string | number, start: number, end: number, body = ''): string {
  const times = `creationDate="${appleDate(end)}" startDate="${appleDate(start)}" endDate="${appleDate(end)}"`;
  return body
    ? ` <Record type="${type}" ${source} unit="${unit}" ${times} value="${value}">${body}</Record>\n`
    : ` <Record type="${type}" ${source} unit="${unit}" ${times} value="${value}"/>\n`;
}

/** The i-th element of the mix; one element every 30 s of simulated time. */
function item(i: number, t: number): string {
  const slot = i % 100;
  if (slot < 45) return record('HKQuantityTypeIdentifierHeartRate', WATCH, 'count/min', 55 + (i % 50), t, t, '\n  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>\n ');
  if (slot < 65) return record('HKQuantityTypeIdentifierStepCount', i % 2 ? WATCH : PHONE, 'count', i % 800, t, t + 600_000, sync(`steps-${i}`));
  if (slot < 78) return record('HKQuantityTypeIdentifierActiveEnergyBurned', WATCH, 'kcal', ((i % 90) / 10).toFixed(2), t, t + 60_000);
  if (slot < 86) return record('HKQuantityTypeIdentifierDistanceWalkingRunning', PHONE, 'km', ((i % 50) / 100).toFixed(3), t, t + 300_000);
  if (slot < 90) return ` <Record type="HKCategoryTypeIdentifierSleepAnalysis" ${WATCH} creationDate="${appleDate(t)}" startDate="${appleDate(t)}" endDate="${appleDate(t + 1_800_000)}" value="HKCategoryValueSleepAnalysisAsleep${['Core', 'Deep', 'REM'][i % 3]}"/>\n`;
  if (slot < 93) return record('HKQuantityTypeIdentifierOxygenSaturation', WATCH, '%', 0.95 + (i % 4) / 100, t, t);
  if (slot < 95) return record('HKQuantityTypeIdentifierBasalEnergyBurned', WATCH, 'kcal', 1.2, t, t + 60_000); // unsupported
  if (slot === 95) return record('HKQuantityTypeIdentifierBodyMass', SCALE, 'kg', 70 + (i % 10) / 10, t, t, sync(`w-${i}`));
  if (slot === 96) return record('HKQuantityTypeIdentifierBloodGlucose', SCALE, 'mmol&lt;180.15588000005408&gt;/L', 5.4, t, t);
  if (slot === 97) {
    const bp = record('HKQuantityTypeIdentifierBloodPressureSystolic', SCALE, 'mmHg', 118, t, t) + record('HKQuantityTypeIdentifierBloodPressureDiastolic', SCALE, 'mmHg', 76, t, t);
    return bp + ` <Correlation type="HKCorrelationTypeIdentifierBloodPressure" ${SCALE} creationDate="${appleDate(t)}" startDate="${appleDate(t)}" endDate="${appleDate(t)}">\n${bp.replaceAll(' <Record', '  <Record')} </Correlation>\n`;
  }
  if (slot === 98) return ` <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="30" durationUnit="min" totalDistance="5.1" totalDistanceUnit="km" totalEnergyBurned="320" totalEnergyBurnedUnit="kcal" ${WATCH} creationDate="${appleDate(t + 1_800_000)}" startDate="${appleDate(t)}" endDate="${appleDate(t + 1_800_000)}">${sync(`run-${i}`)}  <WorkoutEvent type="HKWorkoutEventTypeSegment" date="${appleDate(t)}" duration="5" durationUnit="min"/>\n </Workout>\n`;
  return ` <ActivitySummary dateComponents="2024-01-01" activeEnergyBurned="400" activeEnergyBurnedGoal="500" activeEnergyBurnedUnit="kcal"/>\n`;
}

export type GenerateOptions = { path: string; targetBytes?: number; records?: number; startMs?: number };

/** Writes the export and returns how many top-level elements and bytes it holds. */
export async function writeSyntheticExport({ path, targetBytes = Infinity, records = Infinity, startMs = Date.UTC(2021, 0, 1) }: GenerateOptions) {
  const out = createWriteStream(path);
  let bytes = Buffer.byteLength(HEADER);
  out.write(HEADER);
  let i = 0;
  while (bytes < targetBytes && i < records) {
    let chunk = '';
    for (let n = 0; n < 2000 && i < records; n++, i++) chunk += item(i, startMs + i * 30_000);
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end(FOOTER);
  await once(out, 'finish');
  return { records: i, bytes: bytes + FOOTER.length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, mb: { type: 'string' }, records: { type: 'string' } } });
  if (!values.out) throw new Error('--out PATH is required');
  const result = await writeSyntheticExport({ path: values.out, targetBytes: values.mb ? Number(values.mb) * 1e6 : undefined, records: values.records ? Number(values.records) : undefined });
  console.log(`${result.records} elements, ${(result.bytes / 1e6).toFixed(1)} MB → ${values.out}`);
}
