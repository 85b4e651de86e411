// cgm-remote-monitor answers every v1 path with or without `.json` (`/api/v1/entries.json`,
// `/api/v1/entries/sgv.json`); the proxy serves the suffixed form from the one route without it.
const NIGHTSCOUT_JSON = /^(\/ns\/[^/]+\/api\/v1\/.+)\.json$/;

/** The path without `.json` when it is a Nightscout v1 path that has one, else null. */
export function nightscoutJsonAlias(pathname: string): string | null {
  return NIGHTSCOUT_JSON.exec(pathname)?.[1] ?? null;
}
