// Helpers for API v3 integration tests: requests to `<site>/api/v3/<path>` as AndroidAPS's nssdk sends
// them (JSON bodies, `app: "AAPS"` set by NSAndroidClientImpl before each create). AndroidAPS
// authenticates with `Authorization: Bearer <JWT>`; these send the site's API secret (its SHA-1 in
// `api-secret`), which every Nightscout route of ours accepts as the admin credential.
import { api, type ApiResult } from './http';
import { sha1Hex, type Site } from './nightscout';

export type V3Body<T = unknown> = { status: number; result?: T; message?: string; identifier?: string; lastModified?: number; isDeduplication?: boolean; deduplicatedIdentifier?: string };

export function v3<T = unknown>(
  site: Site,
  path: string,
  init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResult<V3Body<T>>> {
  const headers = { 'api-secret': sha1Hex(site.apiSecret), ...init.headers };
  return api<V3Body<T>>(`/ns/${site.id}/api/v3/${path}`, { ...init, headers });
}

/** The newest change ms of a HISTORY answer, read from its ETag as NSAndroidClientImpl does (`W/"<ms>"`). */
export function etagMs(res: ApiResult): number | null {
  const etag = res.headers.get('etag');
  return etag ? Number(etag.substring(3, etag.length - 1)) : null;
}
