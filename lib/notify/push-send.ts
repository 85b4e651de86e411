// One Web Push message to one browser, through web-push (RFC 8291 payload encryption, RFC 8292 VAPID),
// and what the push service's answer means for the delivery: sent; the subscription is gone (404/410);
// refused for good (400/413: the same message will not do better); or worth another try (anything else,
// a network error, a timeout). Reasons name the status or error code only, never the endpoint or keys.
import { STATUS_CODES } from 'node:http';
import type { Agent } from 'node:https';
import webpush from 'web-push';
import type { PushTarget } from '../data/push-subscriptions';
import type { Vapid } from './push-config';

/** What the service worker (public/sw.js) receives. */
export type PushPayload = { title: string; body: string; url: string; tag: string; emergency: boolean };

export type SendOutcome = { kind: 'sent' } | { kind: 'gone'; reason: string } | { kind: 'refused'; reason: string } | { kind: 'retry'; reason: string };

export type SendOptions = {
  vapid: Vapid;
  /** Socket idle timeout of the request (default 30 s). */
  timeoutMs?: number;
  /** Tests only: an agent trusting the local receiver's self-signed certificate. */
  agent?: Agent;
};

const HOUR_S = 3600;
const statusText = (status: number) => `${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`;

/** The text of an error without what may identify the browser: URLs and long base64 runs (keys) removed. */
function scrubbed(text: string): string {
  return text.replace(/\bhttps?:\/\/\S+/gi, '<url>').replace(/[A-Za-z0-9_-]{20,}={0,2}/g, '<key>').slice(0, 200);
}

export function outcomeOf(error: unknown, timeoutMs: number): SendOutcome {
  if (error instanceof webpush.WebPushError) {
    const status = error.statusCode;
    if (status === 404 || status === 410) return { kind: 'gone', reason: `subscription expired (${status}): removed` };
    if (status === 400 || status === 413) return { kind: 'refused', reason: `push service refused the message (${statusText(status)})` };
    return { kind: 'retry', reason: `push service answered ${statusText(status)}` };
  }
  const e = error as { code?: unknown; message?: unknown; name?: unknown };
  if (typeof e?.code === 'string') return { kind: 'retry', reason: `network error: ${e.code}` };
  // web-push ends an idle request with this error (it has no code).
  if (e?.message === 'Socket timeout') return { kind: 'retry', reason: `no answer within ${Math.round(timeoutMs / 1000)} s` };
  // Anything else comes from preparing the request (keys, VAPID details): it fails the same way next time.
  return { kind: 'refused', reason: `cannot be prepared: ${scrubbed(typeof e?.message === 'string' ? e.message : String(error))}` };
}

export async function sendPush(target: PushTarget, payload: PushPayload, options: SendOptions): Promise<SendOutcome> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  try {
    await webpush.sendNotification({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, JSON.stringify(payload), {
      vapidDetails: options.vapid,
      // An emergency is useless after an hour (the escalation repeats it); anything else may wait a day.
      TTL: payload.emergency ? HOUR_S : 24 * HOUR_S,
      urgency: payload.emergency ? 'high' : 'normal',
      // The same notification sent twice (a retry after a lost answer) replaces the copy still waiting.
      topic: payload.tag.replaceAll('-', ''),
      timeout: timeoutMs,
      ...(options.agent ? { agent: options.agent } : {}),
    });
    return { kind: 'sent' };
  } catch (error) {
    return outcomeOf(error, timeoutMs);
  }
}
