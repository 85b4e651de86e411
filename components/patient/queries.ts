// Query keys and fetchers of the patient pages, shared by the server prefetch and the client hooks
// (the same key on both sides is what lets the client hydrate instead of fetching again).
import { queryOptions } from '@tanstack/react-query';
import type { HealthType } from '@/lib/health';
import { apiFetch } from '@/lib/query/api';
import type { AggregatesResponse, DeviceJson, EmergenciesResponse, InsightJson } from './api-types';

export type AggregatesParams = { types: readonly HealthType[]; period: 'hour' | 'day' | 'week' | 'month'; from: string; to: string };

export function aggregatesOptions(p: AggregatesParams) {
  const search = new URLSearchParams({ types: p.types.join(','), period: p.period, from: p.from, to: p.to });
  return queryOptions({
    queryKey: ['me', 'aggregates', p.period, p.types.join(','), p.from, p.to] as const,
    queryFn: () => apiFetch<AggregatesResponse>(`/api/v1/users/me/aggregates?${search}`),
  });
}

export const devicesOptions = queryOptions({
  queryKey: ['me', 'devices'] as const,
  queryFn: () => apiFetch<{ devices: DeviceJson[] }>('/api/v1/devices'),
});

export const insightsOptions = queryOptions({
  queryKey: ['me', 'insights'] as const,
  queryFn: () => apiFetch<{ insights: InsightJson[] }>('/api/v1/users/me/insights'),
});

export const emergenciesOptions = queryOptions({
  queryKey: ['me', 'emergencies'] as const,
  queryFn: () => apiFetch<EmergenciesResponse>('/api/v1/emergencies'),
});

/** Device id → name, for the aggregates' provenance (revoked devices keep their name). */
export function deviceNames(devices: readonly DeviceJson[] | undefined): Map<string, string> {
  return new Map((devices ?? []).map((d) => [d.id, d.name]));
}
