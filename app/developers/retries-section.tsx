// 4. Idempotency (lib/ingest/sync-device.ts, lib/data/sync-samples.ts: what is kept, compared and replayed,
// and for how long) and 5. rate limits (the sync route's limit as this server is configured, the 429 and
// 503 answers, how to back off).
import { EXAMPLES } from '@/lib/docs/integrator-examples';
import { env } from '@/lib/env';
import { RETENTION } from '@/lib/maintenance/retention-policy';
import { C, h2, h3, HttpExampleView, p } from './code';

const list = 'mt-2 list-disc space-y-1 pl-6 text-slate-800';

export function IdempotencySection() {
  return (
    <section aria-labelledby="idempotency">
      <h2 id="idempotency" className={h2}>4. Idempotency</h2>
      <p className={p}>
        Networks lose answers. Send every sync with an <C>Idempotency-Key</C>, new for each batch, and send a batch
        again under the same key until it is answered: it is stored once.
      </p>
      <ul className={list}>
        <li>1–255 visible ASCII characters (else 400), e.g. a UUID, or as the sync client does, <C>sync-v1-</C> and the SHA-256 of the body.</li>
        <li>Keys belong to the device: another device may use the same key.</li>
        <li>
          The answer of a stored batch is kept with its key. The same key with the same body gets that answer again,
          with <C>Idempotent-Replayed: true</C>, and nothing is stored twice, even when both copies arrive at once (one
          device’s syncs take turns).
        </li>
        <li>
          “The same body” is the same bytes: the server compares their SHA-256. Keep a batch’s bytes until it is
          answered, or build them the same way again (the sync client writes canonical JSON).
        </li>
        <li>The same key with another body: 422 <C>IDEMPOTENCY_KEY_REUSED</C>, nothing stored.</li>
        <li>
          Only a stored batch is kept: after an answer that stored nothing (every sample rejected, 400, 401, 413, 415,
          429, 503…) the same key may be used again.
        </li>
        <li>
          Keys are kept at least {RETENTION.idempotencyKeyHours} hours, then the daily retention job deletes them; the
          same key is then a new request. That is harmless when samples carry a <C>clientRecordId</C>, or repeat a type,
          start and end the device sent: they are duplicates, as below.
        </li>
      </ul>
      <HttpExampleView example={EXAMPLES.replay}>The first sync again, same key and body (its answer was lost, say)</HttpExampleView>
      <HttpExampleView example={EXAMPLES.resendNewKey}>The same samples under a new key: duplicates</HttpExampleView>
      <HttpExampleView example={EXAMPLES.keyReused}>The first key with another body</HttpExampleView>
    </section>
  );
}

export function RateLimitSection() {
  const limit = env().rateLimits.syncPerDevicePerMinute;
  return (
    <section aria-labelledby="rate-limits">
      <h2 id="rate-limits" className={h2}>5. Rate limits and retries</h2>
      <ul className={list}>
        <li>
          Syncs: <strong>{limit} requests per minute per device</strong> on this server (its operator sets{' '}
          <C>RATE_LIMIT_SYNC_PER_DEVICE_PER_MINUTE</C>; 120 unless set). The minutes are the server’s clock minutes,
          counted across all its instances. Every request with the device’s token counts, replays and refusals
          included; a request with a wrong token does not use up the device’s allowance.
        </li>
        <li>
          Past it: 429 <C>RATE_LIMITED</C> with <C>Retry-After</C>, the seconds until the minute ends (also in{' '}
          <C>error.details.retryAfterSeconds</C>). No other rate-limit headers are sent.
        </li>
        <li>
          503 <C>SERVICE_UNAVAILABLE</C> with <C>Retry-After: 5</C> when the database is out of reach for a moment:
          nothing was committed.
        </li>
      </ul>
      <HttpExampleView example={EXAMPLES.rateLimited}>A sync past the limit</HttpExampleView>
      <h3 className={h3}>How to retry</h3>
      <ul className={list}>
        <li>429 and 503: wait <C>Retry-After</C> seconds, then send the same request with the same key.</li>
        <li>
          No answer (a timeout, a dropped connection), 408 and other 5xx: exponential backoff with full jitter. Wait a
          random time between 0 and min(cap, base × 2<sup>n</sup>), <em>n</em> being the failures before this one (0
          after the first), then send the same request with the same key. The sync client uses base 500 ms and cap 60 s.
        </li>
        <li>413: split the batch. Other 4xx: do not retry as is; fix the request, or after 401 have the device registered again.</li>
        <li>A device catching up after days offline sends its queue as consecutive batches, one at a time.</li>
      </ul>
    </section>
  );
}
