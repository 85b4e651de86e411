// Server-side prefetch for the carer pages: the data functions, shaped exactly as the API answers them,
// under the query keys the client components read (queries.ts).
import type { QueryClient } from '@tanstack/react-query';
import type { Caller } from '@/lib/auth/session';
import type { ReadScope } from '@/lib/data/access';
import { findAggregates, findDailySummary } from '@/lib/data/aggregates';
import { getAlertSettings } from '@/lib/data/alert-settings';
import { findPatientOverview } from '@/lib/data/patient-overview';
import { asJson } from '@/lib/query/api';
import { aggregatesOptions, alertSettingsOptions, CHART_TYPES, overviewOptions, summaryOptions, type AggregatesResponse, type DaySummary } from './queries';

export function prefetchOverview(qc: QueryClient, caller: Caller, patientId: string) {
  return qc.prefetchQuery({ ...overviewOptions(patientId), queryFn: async () => asJson(await findPatientOverview(caller, patientId)) });
}

export function prefetchCharts(qc: QueryClient, scope: ReadScope, range: { from: string; to: string }) {
  return qc.prefetchQuery({
    ...aggregatesOptions(scope.patientId, range),
    queryFn: async () => asJson(await findAggregates(scope, { types: CHART_TYPES, period: 'DAY', fromDay: range.from, toDay: range.to })) as AggregatesResponse,
  });
}

export function prefetchSummary(qc: QueryClient, scope: ReadScope, date: string) {
  return qc.prefetchQuery({ ...summaryOptions(scope.patientId, date), queryFn: async () => (await findDailySummary(scope, date)) as DaySummary });
}

export function prefetchAlertSettings(qc: QueryClient, caller: Caller, patientId: string) {
  return qc.prefetchQuery({ ...alertSettingsOptions(patientId), queryFn: async () => asJson(await getAlertSettings(caller, patientId)) });
}
