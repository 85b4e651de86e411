// Query keys and fetchers of the Nightscout section, shared by the server prefetch and the client hooks.
import { queryOptions } from '@tanstack/react-query';
import { ApiRequestError, apiFetch } from '@/lib/query/api';
import type { NightscoutSiteJson, NightscoutTokenJson } from './api-types';

export const nightscoutSitesOptions = queryOptions({
  queryKey: ['me', 'nightscout-sites'] as const,
  queryFn: () => apiFetch<{ sites: NightscoutSiteJson[] }>('/api/v1/nightscout-sites'),
});

/** A 404 means this server has no tokens API (or the site is gone): the panel hides, nothing to retry. */
export const isNotFound = (error: unknown) => error instanceof ApiRequestError && error.status === 404;

export function siteTokensOptions(siteId: string) {
  return queryOptions({
    queryKey: ['me', 'nightscout-sites', siteId, 'tokens'] as const,
    queryFn: () => apiFetch<{ tokens: NightscoutTokenJson[] }>(`/api/v1/nightscout-sites/${siteId}/tokens`),
    retry: (failures, error) => !isNotFound(error) && failures < 1,
  });
}

/** The base URL of a site, as the create answer gives it (`<app URL>/ns/<id>/`). */
export const siteBaseUrl = (appUrl: string, siteId: string) => `${appUrl.replace(/\/+$/, '')}/ns/${siteId}/`;
