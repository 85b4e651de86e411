// Server-side prefetch for the patient pages: the data functions, shaped exactly as the API answers
// them, under the same query keys the client components read (see queries.ts).
import type { QueryClient } from '@tanstack/react-query';
import type { Caller } from '@/lib/auth/session';
import type { ReadScope } from '@/lib/data/access';
import { findAggregates } from '@/lib/data/aggregates';
import { listDevices } from '@/lib/data/devices';
import { countAlertRecipients, listEmergencies } from '@/lib/data/emergencies';
import { listInsightsForPatient } from '@/lib/data/insights';
import { asJson } from '@/lib/query/api';
import type { AggregatesResponse, DeviceJson, EmergenciesResponse, InsightJson } from './api-types';
import { aggregatesOptions, devicesOptions, emergenciesOptions, insightsOptions, type AggregatesParams } from './queries';

/** Dates become strings, as in the API's JSON. */
const json = <T,>(value: unknown) => asJson(value) as T;

export function prefetchAggregates(qc: QueryClient, scope: ReadScope, p: AggregatesParams) {
  return qc.prefetchQuery({
    ...aggregatesOptions(p),
    queryFn: async () =>
      json<AggregatesResponse>(await findAggregates(scope, { types: p.types, period: p.period.toUpperCase() as 'HOUR' | 'DAY' | 'WEEK' | 'MONTH', fromDay: p.from, toDay: p.to })),
  });
}

export function prefetchDevices(qc: QueryClient, ownerId: string) {
  return qc.prefetchQuery({ ...devicesOptions, queryFn: async () => json<{ devices: DeviceJson[] }>({ devices: await listDevices(ownerId) }) });
}

/** As the API does, showing the insights records that the patient saw them. */
export function prefetchInsights(qc: QueryClient, patientId: string) {
  return qc.prefetchQuery({
    ...insightsOptions,
    queryFn: async () => json<{ insights: InsightJson[] }>({ insights: await listInsightsForPatient(patientId, { recordView: true }) }),
  });
}

export function prefetchEmergencies(qc: QueryClient, caller: Caller) {
  return qc.prefetchQuery({
    ...emergenciesOptions,
    queryFn: async () => json<EmergenciesResponse>({ emergencies: await listEmergencies(caller), alertRecipients: await countAlertRecipients(caller.id) }),
  });
}
