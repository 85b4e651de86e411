// Query keys and fetchers of the import page, shared by the server prefetch and the client.
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/query/api';

export type ImportJson = {
  id: string;
  format: 'apple-health' | 'fhir' | 'openmhealth';
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  accepted: number;
  duplicates: number;
  rejectedCount: number;
  rejected: { index?: number; reason: string }[];
  error: string | null;
  createdAt: string;
};

export const importsOptions = queryOptions({
  queryKey: ['me', 'imports'] as const,
  queryFn: () => apiFetch<{ imports: ImportJson[] }>('/api/v1/imports'),
});

export function importOptions(id: string) {
  return queryOptions({
    queryKey: ['me', 'imports', id] as const,
    queryFn: () => apiFetch<ImportJson>(`/api/v1/imports/${id}`),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1000),
  });
}

