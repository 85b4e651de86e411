// Web Push on this server: the VAPID key pair and contact (lib/env.ts), or why push is off. Outside
// production without keys configured, this checkout's generated pair (.data/dev-vapid.json), made on the
// first use of push rather than at start-up, so a process that never pushes creates no file.
import { env } from '../env';
import { loadDevVapidKeys } from '../security/dev-secrets';

export type Vapid = { publicKey: string; privateKey: string; subject: string };

/** Why push is off (shown by the API and the settings page). */
export const PUSH_OFF_REASON = 'Web Push is not configured on this server (VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set)';

let generated: Vapid | undefined;

/** The VAPID details, or null when push is off (production without keys). */
export function vapid(): Vapid | null {
  const { keys, subject } = env().push;
  if (keys === null) return null;
  if (keys !== 'generated') return { ...keys, subject };
  generated ??= { ...loadDevVapidKeys(), subject };
  return generated;
}
