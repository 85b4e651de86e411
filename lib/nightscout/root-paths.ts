// Nightscout's API at the host root. Loop (NightscoutKit NightscoutClient.swift), Trio (NightscoutAPI.swift)
// and xDrip+'s follower keep only scheme, host and port of the Nightscout URL and call `/api/v1/...` there,
// so /ns/<siteId>/ cannot reach them. The proxy rewrites those root paths to /ns/<ROOT_SITE>/..., and
// authenticate.ts finds the site from the credential itself (the secret's hash or the access token).
// Only Nightscout's own resources are taken: our API has none of these names (app/api/v1), and nothing
// lives under /api/v3.

/** The site segment of a request that names its site by credential: never a site id (those are uuids). */
export const ROOT_SITE = 'root';

const V1_RESOURCES = ['status', 'verifyauth', 'experiments', 'entries', 'treatments', 'devicestatus', 'profile', 'activity', 'food'];
const ROOT_NIGHTSCOUT = new RegExp(`^/api/(?:v1/(?:${V1_RESOURCES.join('|')})(?:\\.json)?(?:/.*)?|v3(?:/.*)?)$`);

/** The /ns/ path serving a Nightscout path asked at the host root, else null (any other path is left alone). */
export function nightscoutRootPath(pathname: string): string | null {
  return ROOT_NIGHTSCOUT.test(pathname) ? `/ns/${ROOT_SITE}${pathname}` : null;
}
