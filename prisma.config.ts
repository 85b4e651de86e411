// Prisma CLI configuration. Only `prisma generate` runs here (the schema engine cannot be downloaded
// offline); migrations are applied by scripts/migrate.ts, which keeps _prisma_migrations as Prisma does.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/unset' },
});
