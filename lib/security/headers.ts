// Security headers of every answer, set by proxy.ts. They replace a header of the same name set by a
// route handler, so path-specific values are decided here (share links: no referrer at all).
type Options = { nonce: string; production: boolean; path: string };

// A share link carries its secret in the URL, and its viewer (/shared) someone's health data: neither may
// leave in a Referer header nor be cached.
const isSharePath = (path: string) => /^\/(shared?(\/|$)|api\/v1\/share)/.test(path);

/** Scripts only from this origin with the request's nonce (Next.js puts it on its own scripts). */
export function contentSecurityPolicy({ nonce, production }: Pick<Options, 'nonce' | 'production'>): string {
  return [
    "default-src 'self'",
    // React needs eval in development only (server error stacks in the browser).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? '' : " 'unsafe-eval'"}`,
    // Charts (recharts) and Next's style injection set inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // Workers only from this origin: the Web Push service worker (/sw.js). Said outright rather than left
    // to script-src, whose 'strict-dynamic' would let a script start a worker from any URL.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

// Reads that answer conditionally (lib/http/conditional.ts) set their own Cache-Control: `private, no-cache`
// for a complete period, `no-store` otherwise; route() gives `no-store` to any of their answers that sets none.
export const isConditionalRead = (path: string) => /^\/api\/v1\/(users\/me|patients\/[^/]+)\/(aggregates|summary)$/.test(path);

const isPrivateApiPath = (path: string) => (path.startsWith('/api/') && path !== '/api/openapi.json') || path.startsWith('/ns/');

export function securityHeaders(options: Options): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': isSharePath(options.path) ? 'no-referrer' : 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    ...(options.production ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
    // API answers (ours and the Nightscout sites') carry personal data: never stored by a browser or a
    // shared cache. (The public API description is the exception: the same for everyone, and cacheable.)
    ...((isPrivateApiPath(options.path) && !isConditionalRead(options.path)) || isSharePath(options.path) ? { 'Cache-Control': 'no-store' } : {}),
  };
}

/** A fresh unguessable nonce for one request (base64 of 16 random bytes). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
