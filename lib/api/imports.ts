// Imports of other systems' exports (Apple Health, FHIR R4, Open mHealth) and their progress.
import { z } from 'zod';
import { instantSchema, nullableInstant, uuidSchema } from './common';

const importFormat = z.enum(['apple-health', 'fhir', 'openmhealth', 'health-connect']).meta({ id: 'ImportFormat' });

export const importUpload = z
  .object({
    file: z.string().meta({ format: 'binary', description: 'export.zip or export.xml from Apple Health, a FHIR Bundle or Observation, Open mHealth data points (JSON), or Health Connect\'s export (the zip holding health_connect_export.db, or that file).' }),
    format: importFormat.optional().meta({ description: 'Detected from the file when absent.' }),
  })
  .meta({ id: 'ImportUpload' });

export const importCreated = z.object({ id: uuidSchema }).meta({ id: 'ImportCreated' });

export const importStatus = z
  .object({
    id: uuidSchema,
    format: importFormat,
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.number().min(0).max(1).meta({ description: 'Bytes read of the file, 0..1.' }),
    bytesRead: z.int().min(0),
    bytesTotal: z.int().min(0),
    accepted: z.int().min(0),
    duplicates: z.int().min(0),
    rejectedCount: z.int().min(0),
    rejected: z
      .array(z.object({ index: z.int().min(0).optional(), reason: z.string() }))
      .meta({ description: 'The first 100 rejections (rejectedCount counts all).' }),
    error: z.string().nullable().meta({ description: 'Why a failed import failed.' }),
    createdAt: instantSchema,
    finishedAt: nullableInstant,
  })
  .meta({ id: 'ImportStatus' });

export const importList = z.object({ imports: z.array(importStatus).meta({ description: 'The ten most recent imports.' }) }).meta({ id: 'ImportList' });
