// One streaming reader per import format, all yielding the same chunks: validated samples grouped by the
// source they came from (each source becomes a device of the user), the records rejected or skipped
// with their reasons, the progress through the file, and the resume point after the chunk.
import { readFile, stat } from 'node:fs/promises';
import type { DeviceType } from '../devices/device-types';
import type { ImportFormat } from '../generated/prisma/enums';
import type { NormalizedSample } from '../ingest/validate-sample';
import { parseAppleHealthExport, type ZipLimits } from '../interop/apple-health';
import type { AppleSource } from '../interop/apple-health-sources';
import { parseFhir } from '../interop/fhir';
import type { RecordItem } from '../interop/fhir-record';
import type { ImportReport, LabObservation } from '../interop/import-result';
import { parseOmh } from '../interop/openmhealth';
import type { ImportRejection } from '../data/imports';
import { readHealthConnectExport, type HealthConnectApp } from '../interop/health-connect';

export type ImportSource = { key: string; name: string; type: DeviceType; priority: number };
export type ImportChunk = {
  groups: { source: ImportSource; samples: NormalizedSample[] }[];
  /** Lab results and other LOINC-coded observations (FHIR): stored in lab_results. */
  labs?: LabObservation[];
  /** Conditions, allergies and prescriptions (FHIR): stored in their own tables (lib/data/record-import.ts). */
  records?: RecordItem[];
  rejected: ImportRejection[];
  /** 0..1 through the file. */
  fraction: number;
  /** Records done after this chunk: where a resumed import starts. */
  recordsDone: number;
};
export type ReadOptions = { resumeAfter: number; zipLimits: ZipLimits };
export type ImportReader = (path: string, opts: ReadOptions) => AsyncIterable<ImportChunk>;

/** The file itself cannot be imported (wrong format, malformed, unsafe): the import fails without retrying. */
export class UnreadableFileError extends Error {}

// JSON documents are parsed whole; Apple Health exports, the large ones, stream.
const MAX_JSON_BYTES = 64 * 1024 * 1024;

const APPLE_DEVICE_TYPE: Record<AppleSource['kind'], DeviceType> = { watch: 'watch', phone: 'phone', tablet: 'tablet', cgm: 'cgm', app: 'wearable' };

function appleSource(source: AppleSource): ImportSource {
  return {
    key: `apple-health:${source.key}`,
    name: source.deviceName && source.deviceName !== source.sourceName ? `${source.sourceName} (${source.deviceName})` : source.sourceName,
    type: APPLE_DEVICE_TYPE[source.kind],
    priority: source.priority,
  };
}

async function* appleHealth(path: string, { resumeAfter, zipLimits }: ReadOptions): AsyncIterable<ImportChunk> {
  try {
    for await (const batch of parseAppleHealthExport({ path, nowMs: Date.now(), batchSize: 2000, skipRecords: resumeAfter, zipLimits })) {
      const sources = new Map(batch.sources.map((s) => [s.key, s]));
      const groups = new Map<string, { source: ImportSource; samples: NormalizedSample[] }>();
      for (const { sourceKey, sample } of batch.samples) {
        let group = groups.get(sourceKey);
        if (!group) groups.set(sourceKey, (group = { source: appleSource(sources.get(sourceKey)!), samples: [] }));
        group.samples.push(sample);
      }
      const { bytesRead, totalBytes, records } = batch.position;
      yield {
        groups: [...groups.values()],
        rejected: batch.rejected.map((r) => ({ index: r.record, reason: r.reason })),
        fraction: totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 1,
        recordsDone: records,
      };
    }
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
}

function healthConnectSource(app: HealthConnectApp): ImportSource {
  // Health Connect names the app that wrote each record, not the device: every app is a source of its own.
  return { key: `health-connect:${app.key}`, name: app.appName ?? app.packageName, type: 'wearable', priority: 50 };
}

async function* healthConnect(path: string, { resumeAfter, zipLimits }: ReadOptions): AsyncIterable<ImportChunk> {
  try {
    for await (const batch of readHealthConnectExport({ path, nowMs: Date.now(), batchSize: 2000, skipRecords: resumeAfter, zipLimits })) {
      const groups = new Map<string, { source: ImportSource; samples: NormalizedSample[] }>();
      for (const { app, sample } of batch.samples) {
        let group = groups.get(app.key);
        if (!group) groups.set(app.key, (group = { source: healthConnectSource(app), samples: [] }));
        group.samples.push(sample);
      }
      const { records, totalRecords } = batch.position;
      yield {
        groups: [...groups.values()],
        rejected: batch.rejected.map((r) => ({ index: r.record, reason: r.reason })),
        fraction: totalRecords > 0 ? Math.min(1, records / totalRecords) : 1,
        recordsDone: records,
      };
    }
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
}

/** A whole-document JSON format: one chunk, from one source per format. */
function jsonReader(parse: (json: unknown, nowMs: number) => ImportReport, source: ImportSource): ImportReader {
  return async function* (path) {
    if ((await stat(path)).size > MAX_JSON_BYTES) throw new UnreadableFileError(`JSON imports are limited to ${MAX_JSON_BYTES / 1024 / 1024} MB`);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new UnreadableFileError(`not valid JSON: ${(error as Error).message}`);
    }
    const report = parse(json, Date.now());
    yield {
      groups: report.samples.length > 0 ? [{ source, samples: report.samples }] : [],
      labs: report.labs,
      records: report.records,
      rejected: [...report.rejected, ...report.skipped.map((s) => ({ index: s.index, reason: `skipped: ${s.reason}` }))],
      fraction: 1,
      recordsDone: report.samples.length + report.labs.length + report.records.length + report.rejected.length + report.skipped.length,
    };
  };
}

const READERS: Record<ImportFormat, ImportReader> = {
  APPLE_HEALTH: appleHealth,
  FHIR: jsonReader(parseFhir, { key: 'fhir-import', name: 'FHIR import', type: 'wearable', priority: 50 }),
  OPENMHEALTH: jsonReader(parseOmh, { key: 'openmhealth-import', name: 'Open mHealth import', type: 'wearable', priority: 50 }),
  HEALTH_CONNECT: healthConnect,
};

export function readerFor(format: ImportFormat): ImportReader {
  return READERS[format];
}
