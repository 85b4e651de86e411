// Server-side prefetch of the Nightscout section, shaped exactly as GET /api/v1/nightscout-sites answers,
// under the key the client reads (see queries.ts).
import type { QueryClient } from '@tanstack/react-query';
import { listNightscoutSites } from '@/lib/data/nightscout-sites';
import { asJson } from '@/lib/query/api';
import type { NightscoutSiteJson } from './api-types';
import { nightscoutSitesOptions } from './queries';

/** Dates become strings, as in the API's JSON. */
const json = <T,>(value: unknown) => asJson(value) as T;

export function prefetchNightscoutSites(qc: QueryClient, ownerId: string) {
  return qc.prefetchQuery({
    ...nightscoutSitesOptions,
    queryFn: async () => json<{ sites: NightscoutSiteJson[] }>({ sites: await listNightscoutSites(ownerId) }),
  });
}
