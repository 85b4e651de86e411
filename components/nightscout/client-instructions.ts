// What to type into each Nightscout client for one site, from its base URL (`https://<host>/ns/<siteId>/`)
// and, right after creation, its API secret. Pure, so the URL forms are tested without a browser.
//
// Read from each client's source (2024–2026), because a site lives under a path, which not every app keeps:
// - xDrip+ (NightscoutUploader.java) takes the secret from the URL's user part, hashes it (SHA-1) and needs
//   the path to end in `/v1/`: it keeps the path. Works.
// - Juggluco (uploader.cpp) appends `/api/v1/entries` to the URL as typed: it keeps the path. Works.
// - Loop (NightscoutKit NightscoutClient.url(with:)) and Trio (NightscoutAPI.swift) keep only scheme, host
//   and port and send to `/api/v1/...` at the root: Pulse answers there too, finding the site from the
//   API secret (lib/nightscout/root-paths.ts). They get the host's address, no path.
// - AndroidAPS NSClientV3 (nssdk NetworkStackBuilder, NightscoutAuthRefreshService) keeps the path for
//   `api/v3/...` and exchanges its admin access token at `/api/v2/authorization/request/<token>` at the
//   root, which Pulse answers there too; it needs https and API v3 (SERVES_API_V3). The older NSClient
//   speaks socket.io only: never.

export type ClientId = 'xdrip' | 'juggluco' | 'aaps' | 'loop' | 'trio';
/** A field: its label and the menu path are the app's own (English) words; `hint` marks a value we describe instead (nightscout.hints.<hint>). */
export type ClientField = { label: string; value: string; copyable: boolean; hint?: 'adminToken' };
/** Our sentence after each app's fields: nightscout.notes.<key> (the app's setting names inside stay in English). */
export type NoteKey = 'xdrip' | 'juggluco' | 'aaps' | 'aapsNotYet' | 'loop' | 'trio';
export type ClientGuide = {
  id: ClientId;
  app: string;
  platform: 'Android' | 'iPhone';
  works: boolean;
  /** The menu path to the settings, in the app's own words. */
  where: string[];
  /** What to type, field by field (the app's field names); empty when the app cannot connect yet. */
  fields: ClientField[];
  /** One sentence after the fields (works) or why it cannot connect yet (not yet): a message key. */
  note: NoteKey;
};

export const SECRET_PLACEHOLDER = '<API secret>';

/**
 * Whether this server answers Nightscout's API v3 under a site (`<baseUrl>api/v3/...`), which AndroidAPS
 * 3.2+ syncs through (app/ns/[siteId]/api/v3).
 */
export const SERVES_API_V3 = true;

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/** xDrip+'s Base URL: the secret as the URL's user part, the site's path, ending in `/api/v1/`. */
export function xdripBaseUrl(baseUrl: string, secret: string | null): string {
  const url = new URL(baseUrl);
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return `${url.protocol}//${secret ?? SECRET_PLACEHOLDER}@${url.host}${path}api/v1/`;
}

/** The address followers read with a token (`?token=` is how cgm-remote-monitor takes one in a URL). */
export function followerUrl(baseUrl: string, token: string): string {
  return `${baseUrl}?token=${encodeURIComponent(token)}`;
}

/** A copyable command that uploads one CGM reading (`atMs`) as a Nightscout client does. */
export function curlCommand(opts: { baseUrl: string; secret: string | null; atMs: number; sgv?: number }): string {
  const entry = { type: 'sgv', sgv: opts.sgv ?? 112, direction: 'Flat', device: 'curl', date: opts.atMs, dateString: new Date(opts.atMs).toISOString() };
  return [
    `curl -X POST '${opts.baseUrl}api/v1/entries' \\`,
    `  -H 'api-secret: ${opts.secret ?? SECRET_PLACEHOLDER}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${JSON.stringify([entry])}'`,
  ].join('\n');
}

export function clientGuides({ baseUrl, secret, apiV3 = SERVES_API_V3 }: { baseUrl: string; secret: string | null; apiV3?: boolean }): ClientGuide[] {
  const site = withoutTrailingSlash(baseUrl);
  const host = new URL(baseUrl).origin; // Loop and Trio drop any path: they are answered at the root
  const secretField: ClientField = { label: '', value: secret ?? SECRET_PLACEHOLDER, copyable: secret !== null };
  return [
    {
      id: 'xdrip',
      app: 'xDrip+',
      platform: 'Android',
      works: true,
      where: ['Settings', 'Cloud Upload', 'Nightscout Sync (REST-API)'],
      fields: [{ label: 'Base URL', value: xdripBaseUrl(baseUrl, secret), copyable: secret !== null }],
      note: 'xdrip',
    },
    {
      id: 'juggluco',
      app: 'Juggluco',
      platform: 'Android',
      works: true,
      where: ['Settings', 'Uploader'],
      fields: [
        { label: 'Nightscout URL', value: site, copyable: true },
        { ...secretField, label: 'api_secret' },
      ],
      note: 'juggluco',
    },
    apiV3
      ? {
          id: 'aaps',
          app: 'AndroidAPS',
          platform: 'Android',
          works: true,
          where: ['Config Builder', 'Synchronization', 'NSClientV3 (cog)'],
          fields: [
            { label: 'Nightscout URL', value: site, copyable: true },
            { label: 'NS access token', value: '', copyable: false, hint: 'adminToken' },
          ],
          note: 'aaps',
        }
      : {
          id: 'aaps',
          app: 'AndroidAPS',
          platform: 'Android',
          works: false,
          where: ['Config Builder', 'Synchronization', 'NSClientV3'],
          fields: [],
          note: 'aapsNotYet',
        },
    {
      id: 'loop',
      app: 'Loop',
      platform: 'iPhone',
      works: true,
      where: ['Settings', 'Services', 'Nightscout'],
      fields: [
        { label: 'Site URL', value: host, copyable: true },
        { ...secretField, label: 'API Secret' },
      ],
      note: 'loop',
    },
    {
      id: 'trio',
      app: 'Trio',
      platform: 'iPhone',
      works: true,
      where: ['Settings', 'Services', 'Nightscout', 'Connect'],
      fields: [
        { label: 'URL', value: host, copyable: true },
        { ...secretField, label: 'API secret' },
      ],
      note: 'trio',
    },
  ];
}
