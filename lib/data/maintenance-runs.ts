// Retention, archive, restore, integrity and partition runs (retention_runs), for the admin's pipeline
// page: newest first, filtered by kind and status, in keyset pages.
import { z } from 'zod';
import { prisma } from '../db/client';
import { RunKind, RunStatus } from '../generated/prisma/enums';

export type MaintenanceRunFilters = { kind?: RunKind; status?: RunStatus; cursor?: string; limit?: number };

/** The list's query string (API and page). */
export const maintenanceRunQuery = z.object({
  kind: z.enum(RunKind).optional(),
  status: z.enum(RunStatus).optional(),
  cursor: z.uuid('is not a cursor from this API').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export async function listMaintenanceRuns(filters: MaintenanceRunFilters = {}) {
  const limit = filters.limit ?? 50;
  const rows = await prisma.retentionRun.findMany({
    where: { kind: filters.kind, status: filters.status },
    select: { id: true, kind: true, status: true, startedAt: true, finishedAt: true, counts: true, error: true },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    ...(filters.cursor ? { cursor: { id: filters.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit).map((run) => ({ ...run, counts: (run.counts ?? {}) as Record<string, number> }));
  return { runs: page, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

export type MaintenanceRun = Awaited<ReturnType<typeof listMaintenanceRuns>>['runs'][number];
