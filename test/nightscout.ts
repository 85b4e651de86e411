// Helpers for the Nightscout-compatible API's integration tests: a patient's site, and requests to it
// sent the way Nightscout clients send them (the `api-secret` header carrying the secret's SHA-1 hex).
import { createHash } from 'node:crypto';
import { api, baseUrl, type ApiResult } from './http';

export type Site = { id: string; baseUrl: string; apiSecret: string };

export const sha1Hex = (text: string) => createHash('sha1').update(text).digest('hex');
export const sha512Hex = (text: string) => createHash('sha512').update(text).digest('hex');

export async function createSite(cookie: string, name = 'My uploader'): Promise<Site> {
  const res = await api<Site>('/api/v1/nightscout-sites', { json: { name }, cookie });
  if (res.status !== 201) throw new Error(`creating a Nightscout site answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A request to `<site>/api/v1/<path>` with the SHA-1 of the site's secret in `api-secret`, unless `headers` says otherwise. */
export function ns<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any
  site: Site,
  path: string,
  init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const headers = { 'api-secret': sha1Hex(site.apiSecret), ...init.headers };
  return api<T>(`/ns/${site.id}/api/v1/${path}`, { ...init, headers });
}

/** The same, with a raw body (gzip) and any headers. */
export async function nsRaw(site: Site, path: string, body: Uint8Array, headers: Record<string, string>) {
  const res = await fetch(`${baseUrl()}/ns/${site.id}/api/v1/${path}`, {
    method: 'POST',
    headers: { 'api-secret': sha1Hex(site.apiSecret), ...headers },
    body: Buffer.from(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : null };
}

export type AccessToken = { id: string; name: string; role: string; token: string; createdAt: string };

/** A new access token of the site, as the patient creates one (the token is in this answer only). */
export async function createToken(cookie: string, site: Site, role: string, name = `${role} follower`): Promise<AccessToken> {
  const res = await api<AccessToken>(`/api/v1/nightscout-sites/${site.id}/tokens`, { json: { name, role }, cookie });
  if (res.status !== 201) throw new Error(`creating an access token answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}
