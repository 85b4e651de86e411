// Development and tests only: this checkout's session secret and encryption master key, random, made on
// the first start and kept in the git-ignored .data/ (mode 0600), so no usable secret is in the source.
// Production never comes here: it refuses to start without its own (lib/env.ts). The file is relative to
// the working directory, the repository root for every script, the dev server and the tests, so they all
// share one secret (the seed and the server must agree on the master key).
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { MasterKey } from '../crypto/key-provider';

export const DEV_SECRETS_FILE = '.data/dev-secrets.json';

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

function parse(text: string, file: string): DevSecrets {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || 'file').join(', ');
    throw new Error(`${file} is damaged (${fields}); delete it to start over (data encrypted under its key becomes unreadable)`);
  }
  return { authSecret: parsed.data.authSecret, masterKey: { id: parsed.data.masterKeyId, key: Buffer.from(parsed.data.masterKey, 'base64') } };
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
  try {
    return parse(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if (code(error) !== 'ENOENT') throw error;
  }
  // The folder keeps its usual mode: embedded PostgreSQL (run as its own user) keeps its data beside this file.
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, `${fresh()}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, file);
  } catch (error) {
    if (code(error) !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
  return parse(readFileSync(file, 'utf8'), file);
}
