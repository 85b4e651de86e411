// Development and tests only: this checkout's session secret and encryption master key (and, in a file of
// their own, its Web Push VAPID key pair), random, made on first use and kept in the git-ignored .data/
// (mode 0600), so no usable secret is in the source.
// Production never comes here: it refuses to start without its own (lib/env.ts). The file is relative to
// the working directory, the repository root for every script, the dev server and the tests, so they all
// share one secret (the seed and the server must agree on the master key).
import { createECDH, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { MasterKey } from '../crypto/key-provider';

export const DEV_SECRETS_FILE = '.data/dev-secrets.json';
export const DEV_VAPID_FILE = '.data/dev-vapid.json';

/**
 * The public master key every development database used before the generated ones (Buffer.alloc(32, 7),
 * id "dev"). It only unwraps, so data from then stays readable; `npm run dev` re-wraps that data under the
 * generated key (lib/crypto/rewrap.ts, moveOffMasterKey), after which it is no longer needed.
 */
export const LEGACY_DEV_MASTER_KEY: MasterKey = { id: 'dev', key: Buffer.alloc(32, 7), unwrapOnly: true };

const fileSchema = z.object({
  authSecret: z.string().min(32),
  masterKeyId: z.string().regex(/^dev-[0-9a-f]{16}$/),
  masterKey: z.string().refine((b64) => Buffer.from(b64, 'base64').length === 32, 'must be base64 of 32 bytes'),
});

export type DevSecrets = { authSecret: string; masterKey: MasterKey };

function parseWith<T>(schema: z.ZodType<T>, text: string, file: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || 'file').join(', ');
    throw new Error(`${file} is damaged (${fields}); delete it to start over (data encrypted under its key becomes unreadable)`);
  }
  return parsed.data;
}

function parse(text: string, file: string): DevSecrets {
  const data = parseWith(fileSchema, text, file);
  return { authSecret: data.authSecret, masterKey: { id: data.masterKeyId, key: Buffer.from(data.masterKey, 'base64') } };
}

const fresh = () =>
  JSON.stringify({
    authSecret: randomBytes(32).toString('base64url'),
    masterKeyId: `dev-${randomBytes(8).toString('hex')}`,
    masterKey: randomBytes(32).toString('base64'),
  });

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * The secrets in `file`, created on first use. Several processes may start at once (the seed, the dev
 * server, test workers): each writes a complete temporary file and hard-links it into place, which fails
 * for all but the first; the others read the winner's. A reader never sees a half-written file.
 */
export function loadDevSecrets(file = path.resolve(DEV_SECRETS_FILE)): DevSecrets {
  return parse(readOrCreate(file, fresh), file);
}

function readOrCreate(file: string, create: () => string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (code(error) !== 'ENOENT') throw error;
  }
  // The folder keeps its usual mode: embedded PostgreSQL (run as its own user) keeps its data beside this file.
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, `${create()}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, file);
  } catch (error) {
    if (code(error) !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
  return readFileSync(file, 'utf8');
}

/** A VAPID key pair as web-push takes it: the uncompressed P-256 public point and the private scalar, base64url. */
export type VapidKeyPair = { publicKey: string; privateKey: string };

const vapidSchema = z.object({
  publicKey: z.string().refine((k) => Buffer.from(k, 'base64url').length === 65, 'must be base64url of 65 bytes'),
  privateKey: z.string().refine((k) => Buffer.from(k, 'base64url').length === 32, 'must be base64url of 32 bytes'),
});

export function generateVapidKeyPair(): VapidKeyPair {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const privateKey = Buffer.alloc(32);
  const scalar = ecdh.getPrivateKey();
  scalar.copy(privateKey, 32 - scalar.length); // a scalar with leading zero bytes comes back shorter
  return { publicKey: ecdh.getPublicKey().toString('base64url'), privateKey: privateKey.toString('base64url') };
}

/**
 * This checkout's VAPID key pair for Web Push (VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY unset outside
 * production), made the same way on first use. Browsers subscribed under it stop receiving pushes when
 * the file is deleted (they subscribe again with the new key).
 */
export function loadDevVapidKeys(file = path.resolve(DEV_VAPID_FILE)): VapidKeyPair {
  return parseWith(vapidSchema, readOrCreate(file, () => JSON.stringify(generateVapidKeyPair())), file);
}
