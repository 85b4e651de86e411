// Query keys and fetchers of the admin pages, shared by the server prefetch and the client hooks: the
// same key on both sides lets the client hydrate instead of fetching again.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { listDevicesForAdmin } from '@/lib/data/admin-devices';
import type { listSharesForAdmin } from '@/lib/data/admin-shares';
import type { listUsersForAdmin } from '@/lib/data/admin-users';
import type { listAuditLog } from '@/lib/data/audit-log';
import type { listMaintenanceRuns } from '@/lib/data/maintenance-runs';
import type { pipelineStatus } from '@/lib/data/pipeline-status';
import { apiFetch } from '@/lib/query/api';

/** A data-layer result as it crosses JSON: dates become ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;
type Result<F extends (...args: never[]) => Promise<unknown>> = Json<Awaited<ReturnType<F>>>;

export type UsersPage = Result<typeof listUsersForAdmin>;
export type DevicesPage = Result<typeof listDevicesForAdmin>;
export type SharesPage = Result<typeof listSharesForAdmin>;
export type AuditPage = Result<typeof listAuditLog>;
export type RunsPage = Result<typeof listMaintenanceRuns>;
export type PipelineStatus = Result<typeof pipelineStatus>;

/** Filters as a form holds them (strings; '' = unset). */
export type Filters = Record<string, string>;

/** The set filters only: the query key and the query string leave unset ones out. */
export function setFilters(filters: Filters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
}

function listOptions<Page extends { nextCursor: string | null }>(name: string, path: string, filters: Filters) {
  const set = setFilters(filters);
  return infiniteQueryOptions({
    queryKey: ['admin', name, set] as const,
    queryFn: ({ pageParam }) => apiFetch<Page>(`${path}?${new URLSearchParams(pageParam ? { ...set, cursor: pageParam } : set)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const usersOptions = (filters: Filters) => listOptions<UsersPage>('users', '/api/v1/admin/users', filters);
export const devicesOptions = (filters: Filters) => listOptions<DevicesPage>('devices', '/api/v1/admin/devices', filters);
export const sharesOptions = (filters: Filters) => listOptions<SharesPage>('shares', '/api/v1/admin/shares', filters);
export const auditOptions = (filters: Filters) => listOptions<AuditPage>('audit', '/api/v1/admin/audit', filters);
export const runsOptions = (filters: Filters) => listOptions<RunsPage>('retention', '/api/v1/admin/retention', filters);

export const pipelineOptions = () =>
  queryOptions({
    queryKey: ['admin', 'pipeline'] as const,
    queryFn: () => apiFetch<PipelineStatus>('/api/v1/admin/pipeline'),
  });

/** A server-side data-layer result shaped exactly like the API's JSON (for the prefetch). */
export function toJson<T>(value: T): Json<T> {
  return JSON.parse(JSON.stringify(value)) as Json<T>;
}
