// Query keys and fetchers of the carer pages (doctor and caregiver), shared by the server prefetch and
// the client hooks: the same key on both sides lets the client hydrate instead of fetching again.
import { queryOptions } from '@tanstack/react-query';
import type { PatientOverview } from '@/lib/data/patient-overview';
import type { TriageList, TriageQuery } from '@/lib/data/triage';
import type { HealthType } from '@/lib/health';
import { apiFetch } from '@/lib/query/api';

export type AggregatePoint = { periodStart: string; value: number; min: number | null; max: number | null; count: number };
export type AggregatesResponse = Partial<Record<HealthType, AggregatePoint[]>>;
export type AlertSettings = {
  thresholds: { glucoseLowMgDl: number; glucoseHighMgDl: number; systolicHigh: number; diastolicHigh: number };
  delivery: 'IMMEDIATE' | 'DAILY_DIGEST' | 'NONE';
  escalation: { escalateAfterMinutes: number; escalateAgainAfterMinutes: number; recheckAfterMinutes: number };
};
export type DaySummary = { date: string; types: Partial<Record<HealthType, number>> };

/** The query string the triage API and the /doctor URL share (defaults left out). */
export function triageSearch(q: TriageQuery): string {
  const search = new URLSearchParams();
  if (q.q) search.set('q', q.q);
  if (q.group) search.set('group', q.group);
  if (q.sort !== 'name') search.set('sort', q.sort);
  if (q.order !== 'asc') search.set('order', q.order);
  return search.toString();
}

export function triageOptions(q: TriageQuery) {
  return queryOptions({
    queryKey: ['doctor', 'triage', q.q, q.group ?? '', q.sort, q.order] as const,
    queryFn: () => apiFetch<TriageList>(`/api/v1/doctor/patients?${triageSearch(q)}`),
  });
}

export const overviewOptions = (patientId: string) =>
  queryOptions({
    queryKey: ['patients', patientId, 'overview'] as const,
    queryFn: () => apiFetch<PatientOverview>(`/api/v1/patients/${patientId}/overview`),
  });

export const CHART_TYPES: HealthType[] = [
  'STEPS', 'RESTING_HEART_RATE', 'SLEEP_STATE', 'SLEEP_ANALYSIS', 'BLOOD_GLUCOSE', 'BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC', 'WEIGHT',
  'INSULIN', 'CARBOHYDRATES',
];

export const aggregatesOptions = (patientId: string, range: { from: string; to: string }) =>
  queryOptions({
    queryKey: ['patients', patientId, 'aggregates', 'day', range.from, range.to] as const,
    queryFn: () =>
      apiFetch<AggregatesResponse>(`/api/v1/patients/${patientId}/aggregates?${new URLSearchParams({ types: CHART_TYPES.join(','), period: 'day', ...range })}`),
  });

export const summaryOptions = (patientId: string, date: string) =>
  queryOptions({
    queryKey: ['patients', patientId, 'summary', date] as const,
    queryFn: () => apiFetch<DaySummary>(`/api/v1/patients/${patientId}/summary?date=${date}`),
  });

export const alertSettingsOptions = (patientId: string) =>
  queryOptions({
    queryKey: ['patients', patientId, 'alert-settings'] as const,
    queryFn: () => apiFetch<AlertSettings>(`/api/v1/patients/${patientId}/alert-settings`),
  });
