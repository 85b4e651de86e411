// The one place that reads process.env: validated once, typed everywhere else.
import { z } from 'zod';

const DEV_SECRET = 'dev-only-secret-do-not-use-in-production-0123456789';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z.string().url({ message: 'DATABASE_URL must be a postgresql:// URL' }),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
    NEXTAUTH_SECRET: z.string().min(32).optional(),
    NEXTAUTH_URL: z.string().url().optional(),
    SEED_DEMO: z.enum(['true', 'false']).optional(),
  })
  .transform((raw, ctx) => {
    const production = raw.NODE_ENV === 'production';
    if (production && !raw.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_SECRET'], message: 'required in production (≥ 32 characters)' });
      return z.NEVER;
    }
    return {
      nodeEnv: raw.NODE_ENV,
      isProduction: production,
      databaseUrl: raw.DATABASE_URL,
      databasePoolMax: raw.DATABASE_POOL_MAX,
      authSecret: raw.NEXTAUTH_SECRET ?? DEV_SECRET,
      authUrl: raw.NEXTAUTH_URL,
      // Demo accounts are seeded and advertised outside production, or when explicitly asked for
      // (a production build run locally for the browser tests).
      demoMode: !production || raw.SEED_DEMO === 'true',
    };
  });

export type Env = z.output<typeof schema>;

let cached: Env | undefined;

/** Parses the environment on first use; throws a readable error naming each bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}
