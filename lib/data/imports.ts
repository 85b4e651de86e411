// Imports of other systems' exports. The patient sees only their own; the import job records its
// progress after every committed batch (the resume point after a crash) and the first rejections.
import { prisma } from '../db/client';
import type { ImportFormat, ImportStatus } from '../generated/prisma/enums';
import { notFound } from '../http/errors';
import { registerDevice } from './devices';
import type { DeviceType } from '../devices/device-types';

const KEPT_REJECTIONS = 100;

const FORMAT_NAMES = { APPLE_HEALTH: 'apple-health', FHIR: 'fhir', OPENMHEALTH: 'openmhealth', HEALTH_CONNECT: 'health-connect' } as const satisfies Record<ImportFormat, string>;

export type ImportRejection = { index?: number; reason: string };

export function createImport(args: { userId: string; format: ImportFormat; filePath: string; bytesTotal: number }) {
  return prisma.import.create({
    data: { userId: args.userId, format: args.format, filePath: args.filePath, bytesTotal: BigInt(args.bytesTotal) },
    select: { id: true },
  });
}

function present(row: {
  id: string;
  format: ImportFormat;
  status: ImportStatus;
  bytesTotal: bigint;
  bytesRead: bigint;
  accepted: number;
  duplicates: number;
  rejectedCount: number;
  rejected: unknown;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}) {
  const total = Number(row.bytesTotal);
  const progress = row.status === 'DONE' ? 1 : total > 0 ? Math.min(1, Number(row.bytesRead) / total) : 0;
  return {
    id: row.id,
    format: FORMAT_NAMES[row.format],
    status: row.status.toLowerCase() as 'queued' | 'running' | 'done' | 'failed',
    progress: Math.round(progress * 1000) / 1000,
    bytesRead: Number(row.bytesRead),
    bytesTotal: total,
    accepted: row.accepted,
    duplicates: row.duplicates,
    rejectedCount: row.rejectedCount,
    rejected: row.rejected as ImportRejection[],
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

const PUBLIC = {
  id: true,
  format: true,
  status: true,
  bytesTotal: true,
  bytesRead: true,
  accepted: true,
  duplicates: true,
  rejectedCount: true,
  rejected: true,
  error: true,
  createdAt: true,
  finishedAt: true,
} as const;

/** One of the caller's imports; anyone else's is not found. */
export async function findImport(userId: string, id: string) {
  const row = await prisma.import.findFirst({ where: { id, userId }, select: PUBLIC });
  if (!row) throw notFound('import');
  return present(row);
}

export async function listImports(userId: string) {
  const rows = await prisma.import.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 10, select: PUBLIC });
  return rows.map(present);
}

/** The job's view of an import: where to resume. */
export function loadImportForRun(id: string) {
  return prisma.import.findUnique({
    where: { id },
    select: { id: true, userId: true, format: true, status: true, filePath: true, recordsDone: true, bytesTotal: true },
  });
}

export async function markImportRunning(id: string) {
  await prisma.import.update({ where: { id }, data: { status: 'RUNNING', error: null } });
}

/** After a committed batch: the new resume point and the counts (rejections beyond the first 100 counted only). */
export async function recordImportProgress(
  id: string,
  step: { bytesRead: number; recordsDone: number; accepted: number; duplicates: number; rejected: ImportRejection[] },
) {
  await prisma.$executeRaw`
    UPDATE imports SET
      bytes_read = ${BigInt(step.bytesRead)},
      records_done = ${BigInt(step.recordsDone)},
      accepted = accepted + ${step.accepted},
      duplicates = duplicates + ${step.duplicates},
      rejected_count = rejected_count + ${step.rejected.length},
      rejected = CASE WHEN jsonb_array_length(rejected) >= ${KEPT_REJECTIONS} THEN rejected
                      ELSE rejected || (SELECT coalesce(jsonb_agg(r), '[]'::jsonb) FROM (
                             SELECT r FROM jsonb_array_elements(${JSON.stringify(step.rejected)}::jsonb) AS r
                             LIMIT ${KEPT_REJECTIONS} - jsonb_array_length(rejected)) AS kept) END,
      updated_at = now()
    WHERE id = ${id}::uuid`;
}

export async function finishImport(id: string) {
  await prisma.import.update({ where: { id }, data: { status: 'DONE', filePath: null, finishedAt: new Date() } });
}

export async function failImport(id: string, error: string) {
  await prisma.import.update({ where: { id }, data: { status: 'FAILED', error: error.slice(0, 500), filePath: null, finishedAt: new Date() } });
}

/** Imports a crash left queued or running (no progress for `staleMs`): the sweep starts them again. */
export function staleImports(staleMs: number) {
  return prisma.import.findMany({
    where: { status: { in: ['QUEUED', 'RUNNING'] }, updatedAt: { lt: new Date(Date.now() - staleMs) } },
    select: { id: true, userId: true },
    take: 100,
  });
}

/**
 * The user's device standing for an imported source (e.g. "Apple Watch of Alex" in an Apple Health
 * export), created on first import with the given default priority; found again by its source key on
 * the next import, so importing twice adds no devices.
 */
export async function importDevice(userId: string, source: { key: string; name: string; type: DeviceType; priority: number }) {
  const existing = await prisma.device.findFirst({ where: { userId, identifier: source.key }, select: { id: true } });
  if (existing) return existing.id;
  const created = await registerDevice(userId, { name: source.name, type: source.type, priority: source.priority });
  await prisma.device.update({ where: { id: created.id }, data: { identifier: source.key } });
  return created.id;
}

/** The user's oldest import still waiting to start. */
export async function nextQueuedImport(userId: string): Promise<string | null> {
  const row = await prisma.import.findFirst({ where: { userId, status: 'QUEUED' }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  return row?.id ?? null;
}
