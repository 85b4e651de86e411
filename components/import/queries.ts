// Query keys and fetchers of the import page, shared by the server prefetch and the client.
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/query/api';

export type ImportJson = {
  id: string;
  format: 'apple-health' | 'fhir' | 'openmhealth' | 'health-connect';
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  accepted: number;
  duplicates: number;
  rejectedCount: number;
  rejected: { index?: number; reason: string }[];
  error: string | null;
  createdAt: string;
};

const inProgress = (i: ImportJson) => i.status === 'queued' || i.status === 'running';

export const importsOptions = queryOptions({
  queryKey: ['me', 'imports'] as const,
  queryFn: () => apiFetch<{ imports: ImportJson[] }>('/api/v1/imports'),
  // While an import runs, the list follows it too.
  refetchInterval: (q) => (q.state.data?.imports.some(inProgress) ? 2000 : false),
});

export function importOptions(id: string) {
  return queryOptions({
    queryKey: ['me', 'imports', id] as const,
    queryFn: () => apiFetch<ImportJson>(`/api/v1/imports/${id}`),
    refetchInterval: (q) => (q.state.data && !inProgress(q.state.data) ? false : 1000),
  });
}

