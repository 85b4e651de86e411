// Query key and fetcher of the patient's shares, shared by the server prefetch and the client hooks.
import { queryOptions } from '@tanstack/react-query';
import type { PatientShare } from '@/lib/data/shares';
import { apiFetch } from '@/lib/query/api';

export type ShareJson = PatientShare;
export type CreatedShare = ShareJson & { code?: string; link?: string };

export const sharesOptions = queryOptions({
  queryKey: ['me', 'shares'] as const,
  queryFn: () => apiFetch<{ shares: ShareJson[] }>('/api/v1/shares'),
});
