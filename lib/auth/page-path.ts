// Signed out on a guarded page: sign in, then come back to it. The proxy passes the page's path (never
// its query, which may carry what should not travel further) in a request header it always sets itself.
import { headers } from 'next/headers';

export const PAGE_PATH_HEADER = 'x-pulse-page-path';

export async function signInPath(): Promise<string> {
  const path = (await headers()).get(PAGE_PATH_HEADER);
  return path && path !== '/' && path.startsWith('/') && !path.startsWith('//') ? `/login?callbackUrl=${encodeURIComponent(path)}` : '/login';
}
