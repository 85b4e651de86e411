// The one place that reads process.env: validated once, typed everywhere else.
import { createECDH } from 'node:crypto';
import { z } from 'zod';
import type { MasterKey } from './crypto/key-provider';
import { LEGACY_DEV_MASTER_KEY, loadDevSecrets, type DevSecrets } from './security/dev-secrets';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z.string().url({ message: 'DATABASE_URL must be a postgresql:// URL' }),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
    NEXTAUTH_SECRET: z.string().min(32).optional(),
    NEXTAUTH_URL: z.string().url().optional(),
    SEED_DEMO: z.enum(['true', 'false']).optional(),
    // Inngest: with a server (dev server, self-hosted or cloud) events go there; without, in-process.
    INNGEST_DEV: z.string().optional(),
    INNGEST_BASE_URL: z.string().url().optional(),
    INNGEST_EVENT_KEY: z.string().optional(),
    INNGEST_SIGNING_KEY: z.string().optional(),
    // Archive of cold months (Parquet): a local directory, or any S3-compatible store when configured.
    ARCHIVE_DIR: z.string().default('.data/archive'),
    ARCHIVE_AFTER_MONTHS: z.coerce.number().int().min(1).max(84).default(13),
    ARCHIVE_S3_ENDPOINT: z.string().url().optional(),
    ARCHIVE_S3_BUCKET: z.string().optional(),
    ARCHIVE_S3_REGION: z.string().default('us-east-1'),
    ARCHIVE_S3_ACCESS_KEY_ID: z.string().optional(),
    ARCHIVE_S3_SECRET_ACCESS_KEY: z.string().optional(),
    // Uploaded import files wait here until their import finishes (then they are deleted).
    IMPORT_DIR: z.string().default('.data/imports'),
    // The Noto fonts the report PDF draws Indian scripts with (Debian's fonts-noto-core puts them here).
    PULSE_NOTO_DIR: z.string().default('/usr/share/fonts/truetype/noto'),
    IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(4 * 1024 ** 3),
    // Zip bombs: how far export.xml inside an uploaded zip may inflate, in bytes and in times its
    // compressed size. The largest real exports hold about 4 GB of XML, compressed about 20 times.
    IMPORT_MAX_UNCOMPRESSED_BYTES: z.coerce.number().int().min(1024).default(8 * 1024 ** 3),
    IMPORT_MAX_COMPRESSION_RATIO: z.coerce.number().int().min(2).default(100),
    // Bearer token for /metrics and /health/deep (unset: open outside production, closed in production).
    METRICS_TOKEN: z.string().min(16).optional(),
    // Rate limits (requests per window). Per IP defaults to effectively off outside production, where
    // the tests sign in hundreds of times from one address.
    RATE_LIMIT_SIGNIN_PER_ACCOUNT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    RATE_LIMIT_SIGNIN_PER_IP_PER_10_MINUTES: z.coerce.number().int().min(1).optional(),
    RATE_LIMIT_SYNC_PER_DEVICE_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    // Account e-mails (sign-up, password reset, verification resend, e-mail change), per hour: per
    // address (any client) and per client IP. Per IP defaults higher outside production, where a test
    // run signs up a few dozen accounts from one machine.
    RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(5),
    RATE_LIMIT_ACCOUNT_MAIL_PER_IP_PER_HOUR: z.coerce.number().int().min(1).optional(),
    // Care-team invitations sent (per inviter and per IP, an hour) and desk codes tried (per account and
    // per IP, ten minutes: an 8-character code is guessed only by trying very many).
    RATE_LIMIT_INVITES_PER_INVITER_PER_HOUR: z.coerce.number().int().min(1).default(30),
    RATE_LIMIT_INVITES_PER_IP_PER_HOUR: z.coerce.number().int().min(1).optional(),
    RATE_LIMIT_INVITE_CODE_TRIES_PER_ACCOUNT_PER_10_MINUTES: z.coerce.number().int().min(1).default(10),
    RATE_LIMIT_INVITE_CODE_TRIES_PER_IP_PER_10_MINUTES: z.coerce.number().int().min(1).optional(),
    // Envelope encryption masters: "id:base64key,..." (first = current, the rest still unwrap), or one key.
    ENCRYPTION_MASTER_KEYS: z.string().optional(),
    ENCRYPTION_MASTER_KEY: z.string().optional(),
    // E-mail (lib/mail): SMTP when both are set; else the development outbox (files under .data/outbox).
    SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL').optional(),
    MAIL_FROM: z.string().regex(/^[^\r\n]*@[^\r\n]+$/, 'must be an address, e.g. "Pulse <no-reply@example.com>"').optional(),
    MAIL_OUTBOX_DIR: z.string().default('.data/outbox'),
    APP_URL: z.string().url().optional(), // the app's address in e-mail links (default NEXTAUTH_URL)
    // Web Push (lib/notify/push-*): the VAPID key pair (base64url, as web-push generates it) and the
    // contact the push services see; unset outside production: generated (.data/dev-vapid.json); unset
    // in production: push is off. PUSH_ENDPOINT_HOSTS: push services beyond the known ones (tests).
    VAPID_PUBLIC_KEY: z.string().trim().optional(),
    VAPID_PRIVATE_KEY: z.string().trim().optional(),
    VAPID_SUBJECT: z.string().regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/[^\s/]+\S*)$/, 'must be a mailto: address or an https: URL').optional(),
    PUSH_ENDPOINT_HOSTS: z.string().optional(),
  })
  .transform((raw, ctx) => {
    const production = raw.NODE_ENV === 'production';
    if (production && !raw.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_SECRET'], message: 'required in production (≥ 32 characters)' });
      return z.NEVER;
    }
    // Outside production, what is not set comes from this checkout's generated secrets (read only then).
    let generated: DevSecrets | undefined;
    const dev = () => (generated ??= loadDevSecrets());
    const masterKeys = parseMasterKeys(raw.ENCRYPTION_MASTER_KEYS, raw.ENCRYPTION_MASTER_KEY, production, dev);
    if (typeof masterKeys === 'string') {
      ctx.addIssue({ code: 'custom', path: ['ENCRYPTION_MASTER_KEYS'], message: masterKeys });
      return z.NEVER;
    }
    const mail = mailSettings(raw, production);
    if ('issue' in mail) {
      ctx.addIssue({ code: 'custom', path: [mail.path], message: mail.issue });
      return z.NEVER;
    }
    const push = pushSettings(raw, production);
    if ('issue' in push) {
      ctx.addIssue({ code: 'custom', path: [push.path], message: push.issue });
      return z.NEVER;
    }
    const s3 =
      raw.ARCHIVE_S3_ENDPOINT && raw.ARCHIVE_S3_BUCKET && raw.ARCHIVE_S3_ACCESS_KEY_ID && raw.ARCHIVE_S3_SECRET_ACCESS_KEY
        ? {
            endpoint: raw.ARCHIVE_S3_ENDPOINT,
            bucket: raw.ARCHIVE_S3_BUCKET,
            region: raw.ARCHIVE_S3_REGION,
            accessKeyId: raw.ARCHIVE_S3_ACCESS_KEY_ID,
            secretAccessKey: raw.ARCHIVE_S3_SECRET_ACCESS_KEY,
          }
        : null;
    return {
      nodeEnv: raw.NODE_ENV,
      isProduction: production,
      databaseUrl: raw.DATABASE_URL,
      databasePoolMax: raw.DATABASE_POOL_MAX,
      authSecret: raw.NEXTAUTH_SECRET ?? dev().authSecret,
      authUrl: raw.NEXTAUTH_URL,
      // Demo accounts are seeded and advertised outside production, or when explicitly asked for
      // (a production build run locally for the browser tests).
      demoMode: !production || raw.SEED_DEMO === 'true',
      inngestMode: raw.INNGEST_DEV || raw.INNGEST_BASE_URL || raw.INNGEST_EVENT_KEY ? ('server' as const) : ('in-process' as const),
      archive: { dir: raw.ARCHIVE_DIR, afterMonths: raw.ARCHIVE_AFTER_MONTHS, s3 },
      metricsToken: raw.METRICS_TOKEN,
      notoFontDir: raw.PULSE_NOTO_DIR,
      imports: {
        dir: raw.IMPORT_DIR,
        maxBytes: raw.IMPORT_MAX_BYTES,
        zipLimits: { maxUncompressedBytes: raw.IMPORT_MAX_UNCOMPRESSED_BYTES, maxRatio: raw.IMPORT_MAX_COMPRESSION_RATIO },
      },
      rateLimits: {
        signInPerAccountPerMinute: raw.RATE_LIMIT_SIGNIN_PER_ACCOUNT_PER_MINUTE,
        signInPerIpPer10Minutes: raw.RATE_LIMIT_SIGNIN_PER_IP_PER_10_MINUTES ?? (production ? 100 : 100_000),
        syncPerDevicePerMinute: raw.RATE_LIMIT_SYNC_PER_DEVICE_PER_MINUTE,
        accountMailPerAddressPerHour: raw.RATE_LIMIT_ACCOUNT_MAIL_PER_ADDRESS_PER_HOUR,
        accountMailPerIpPerHour: raw.RATE_LIMIT_ACCOUNT_MAIL_PER_IP_PER_HOUR ?? (production ? 20 : 100),
        invitesPerInviterPerHour: raw.RATE_LIMIT_INVITES_PER_INVITER_PER_HOUR,
        invitesPerIpPerHour: raw.RATE_LIMIT_INVITES_PER_IP_PER_HOUR ?? (production ? 100 : 100_000),
        inviteCodeTriesPerAccountPer10Minutes: raw.RATE_LIMIT_INVITE_CODE_TRIES_PER_ACCOUNT_PER_10_MINUTES,
        inviteCodeTriesPerIpPer10Minutes: raw.RATE_LIMIT_INVITE_CODE_TRIES_PER_IP_PER_10_MINUTES ?? (production ? 100 : 100_000),
      },
      masterKeys,
      mail,
      push,
    };
  });

/**
 * SMTP_URL and MAIL_FROM together, or neither: then mail goes to the development outbox, which a
 * production server refuses unless in demo mode (SEED_DEMO=true). Links need the app's public address.
 */
type MailSettings = {
  transport: { kind: 'smtp'; url: string; from: string } | { kind: 'outbox'; dir: string; from: string };
  appUrl: string;
};

function mailSettings(
  raw: { SMTP_URL?: string; MAIL_FROM?: string; MAIL_OUTBOX_DIR: string; APP_URL?: string; NEXTAUTH_URL?: string; SEED_DEMO?: string },
  production: boolean,
): MailSettings | { path: string; issue: string } {
  const appUrl = (raw.APP_URL ?? raw.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  if (raw.SMTP_URL && !raw.MAIL_FROM) return { path: 'MAIL_FROM', issue: 'required with SMTP_URL' };
  if (raw.MAIL_FROM && !raw.SMTP_URL) return { path: 'SMTP_URL', issue: 'required with MAIL_FROM' };
  if (raw.SMTP_URL && raw.MAIL_FROM) {
    if (production && !raw.APP_URL && !raw.NEXTAUTH_URL) return { path: 'APP_URL', issue: 'required in production (the links in e-mails)' };
    return { transport: { kind: 'smtp', url: raw.SMTP_URL, from: raw.MAIL_FROM }, appUrl };
  }
  if (production && raw.SEED_DEMO !== 'true') return { path: 'SMTP_URL', issue: 'required in production, with MAIL_FROM (or SEED_DEMO=true for the development outbox)' };
  return { transport: { kind: 'outbox', dir: raw.MAIL_OUTBOX_DIR, from: 'Pulse <no-reply@pulse.localhost>' }, appUrl };
}

/**
 * Web Push: `keys` the configured VAPID pair, 'generated' (outside production when unset: this
 * checkout's, made on first use by lib/notify/push-config.ts), or null (production without keys: push is
 * off, the rest of the app runs). Half a pair, a malformed key or a private key that does not match the
 * public one is an error naming the variable. `endpointHosts`: extra push service hosts ("host[:port]").
 */
export type PushSettings = { keys: { publicKey: string; privateKey: string } | 'generated' | null; subject: string; endpointHosts: string[] };

function pushSettings(
  raw: { VAPID_PUBLIC_KEY?: string; VAPID_PRIVATE_KEY?: string; VAPID_SUBJECT?: string; PUSH_ENDPOINT_HOSTS?: string },
  production: boolean,
): PushSettings | { path: string; issue: string } {
  const endpointHosts = (raw.PUSH_ENDPOINT_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  const badHost = endpointHosts.find((h) => !/^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/.test(h));
  if (badHost) return { path: 'PUSH_ENDPOINT_HOSTS', issue: `each entry must be host or host:port (bad: ${badHost})` };
  const subject = raw.VAPID_SUBJECT ?? 'mailto:no-reply@pulse.localhost';
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey } = raw;
  if (!publicKey && !privateKey) return { keys: production ? null : 'generated', subject, endpointHosts };
  if (!publicKey) return { path: 'VAPID_PUBLIC_KEY', issue: 'required with VAPID_PRIVATE_KEY' };
  if (!privateKey) return { path: 'VAPID_PRIVATE_KEY', issue: 'required with VAPID_PUBLIC_KEY' };
  const base64url = /^[A-Za-z0-9_-]+$/;
  const pub = Buffer.from(publicKey, 'base64url');
  if (!base64url.test(publicKey) || pub.length !== 65 || pub[0] !== 4) return { path: 'VAPID_PUBLIC_KEY', issue: 'must be base64url of an uncompressed P-256 public key (65 bytes)' };
  const priv = Buffer.from(privateKey, 'base64url');
  if (!base64url.test(privateKey) || priv.length !== 32) return { path: 'VAPID_PRIVATE_KEY', issue: 'must be base64url of a P-256 private key (32 bytes)' };
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(priv);
    if (!ecdh.getPublicKey().equals(pub)) return { path: 'VAPID_PRIVATE_KEY', issue: 'does not belong to VAPID_PUBLIC_KEY' };
  } catch {
    return { path: 'VAPID_PRIVATE_KEY', issue: 'is not a valid P-256 private key' };
  }
  if (production && !raw.VAPID_SUBJECT) return { path: 'VAPID_SUBJECT', issue: 'required with the VAPID keys in production (mailto: or https: contact for the push services)' };
  return { keys: { publicKey, privateKey }, subject, endpointHosts };
}

/**
 * The master keys, current first; an error message when they are missing (production) or malformed.
 * Unset outside production: the generated development key, then the old public one, which only unwraps.
 */
function parseMasterKeys(list: string | undefined, single: string | undefined, production: boolean, dev: () => DevSecrets): MasterKey[] | string {
  const entries = list ? list.split(',').map((e) => e.trim().split(':')) : single ? [['default', single.trim()]] : [];
  if (entries.length === 0) return production ? 'required in production (id:base64 32-byte key)' : [dev().masterKey, LEGACY_DEV_MASTER_KEY];
  const keys: MasterKey[] = [];
  for (const [id, b64] of entries) {
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || !/^[\w-]+$/.test(id) || key.length !== 32) return `each entry must be id:base64 of 32 bytes (bad: ${id || '?'})`;
    keys.push({ id, key });
  }
  return keys;
}

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
