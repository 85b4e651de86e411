// The import job's body: reads the uploaded file with the format's streaming reader from the last
// committed position, stores each chunk (and a FHIR record's lab results, lib/data/labs) through the same validation and storage as a device sync (one
// transaction per source and chunk; layer-1 dedup by record id or device+type+time makes a re-import or
// a replayed chunk add nothing), records progress after every chunk, and deletes the file when done.
import { rm } from 'node:fs/promises';
import { prisma } from '../db/client';
import { failImport, finishImport, importDevice, loadImportForRun, markImportRunning, recordImportProgress } from '../data/imports';
import { storeImportedLabs } from '../data/labs';
import { storeImportedRecord } from '../data/record-import';
import { storeSyncBatch } from '../data/sync-samples';
import { env } from '../env';
import { sampleKey } from '../ingest/sync-batch';
import type { NormalizedSample } from '../ingest/validate-sample';
import type { ZipLimits } from '../interop/apple-health';
import { readerFor, UnreadableFileError, type ImportSource } from './readers';

/** Layer-1 dedup inside a chunk, as a device sync does: one sample per record id or (type, time), highest version. */
function fold(samples: NormalizedSample[]): { samples: NormalizedSample[]; duplicates: number } {
  const byKey = new Map<string, NormalizedSample>();
  for (const sample of samples) {
    const previous = byKey.get(sampleKey(sample));
    if (!previous || (sample.version ?? -1) > (previous.version ?? -1)) byKey.set(sampleKey(sample), sample);
  }
  return { samples: [...byKey.values()], duplicates: samples.length - byKey.size };
}

/**
 * Runs (or resumes) one import. Returns the user whose aggregates need recomputing, if anything was stored.
 * `zipLimits` default to the settings (IMPORT_MAX_UNCOMPRESSED_BYTES, IMPORT_MAX_COMPRESSION_RATIO).
 */
export async function runImport(importId: string, zipLimits: ZipLimits = env().imports.zipLimits): Promise<{ userId: string; accepted: number } | null> {
  const job = await loadImportForRun(importId);
  if (!job || job.status === 'DONE' || job.status === 'FAILED' || !job.filePath) return null;
  await markImportRunning(job.id);
  const profile = await prisma.profile.findUnique({ where: { userId: job.userId }, select: { timeZone: true } });
  const timeZone = profile?.timeZone ?? 'UTC';
  const devices = new Map<string, string>();
  const deviceFor = async (source: ImportSource) => {
    let id = devices.get(source.key);
    if (!id) devices.set(source.key, (id = await importDevice(job.userId, source)));
    return id;
  };

  let accepted = 0;
  try {
    for await (const chunk of readerFor(job.format)(job.filePath, { resumeAfter: Number(job.recordsDone), zipLimits })) {
      let chunkAccepted = 0;
      let duplicates = 0;
      for (const group of chunk.groups) {
        const deviceId = await deviceFor(group.source);
        const folded = fold(group.samples);
        duplicates += folded.duplicates;
        for (let i = 0; i < folded.samples.length; i += 5000) {
          const stored = await storeSyncBatch({
            device: { id: deviceId, userId: job.userId, timeZone },
            samples: folded.samples.slice(i, i + 5000),
            idempotency: null,
            buildResponse: (counts) => ({ status: 200, body: counts }),
          });
          if (stored.kind === 'stored') {
            chunkAccepted += stored.accepted;
            duplicates += stored.duplicates;
          }
        }
      }
      // Lab results (FHIR): counted as accepted like samples, whatever table they land in.
      const labs = await storeImportedLabs(job.userId, job.id, chunk.labs ?? []);
      chunkAccepted += labs.accepted;
      duplicates += labs.duplicates;
      // Conditions, allergies and prescriptions (FHIR), once per source id.
      const record = await storeImportedRecord(job.userId, chunk.records ?? []);
      chunkAccepted += record.accepted;
      duplicates += record.duplicates;
      accepted += chunkAccepted;
      const bytesRead = Math.round(chunk.fraction * Number(job.bytesTotal));
      await recordImportProgress(job.id, { bytesRead, recordsDone: chunk.recordsDone, accepted: chunkAccepted, duplicates, rejected: chunk.rejected });
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      await failImport(job.id, error.message);
      await rm(job.filePath, { force: true });
      return accepted > 0 ? { userId: job.userId, accepted } : null;
    }
    throw error; // retried by the job runner; the next attempt resumes after the last committed chunk
  }
  await finishImport(job.id);
  await rm(job.filePath, { force: true });
  return { userId: job.userId, accepted };
}
