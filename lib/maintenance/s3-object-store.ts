// Object store on any S3-compatible service (AWS, MinIO, R2, ...), SigV4-signed by aws4fetch. Path-style
// URLs (${endpoint}/${bucket}/${key}) work everywhere, including self-hosted stores without DNS buckets.
import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { checkObjectKey } from './object-key';
import type { ObjectStore } from './object-store';

export type S3Config = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

// An archive holds its rows locked while it uploads: a hung request must not hold them for ever.
const DEFAULT_TIMEOUT_MS = 120_000;

export function s3ObjectStore(config: S3Config, options: { retries?: number; timeoutMs?: number } = {}): ObjectStore {
  // service must be explicit: aws4fetch guesses it from the host name, which fails for custom endpoints.
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    region: config.region,
    service: 's3',
    retries: options.retries,
  });
  const base = `${config.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(config.bucket)}`;
  const urlOf = (key: string) => `${base}/${checkObjectKey(key).map(encodeURIComponent).join('/')}`;

  async function send(method: string, key: string, body?: Uint8Array): Promise<Response> {
    // With the payload's real sha256 signed (aws4fetch sends UNSIGNED-PAYLOAD otherwise), the store
    // itself rejects a body damaged in transit.
    const headers: Record<string, string> = body
      ? { 'content-type': 'application/vnd.apache.parquet', 'x-amz-content-sha256': createHash('sha256').update(body).digest('hex') }
      : {};
    // A copy typed over a plain ArrayBuffer, as fetch's BodyInit requires.
    return client.fetch(urlOf(key), {
      method,
      body: body ? new Uint8Array(body) : undefined,
      headers,
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  }

  // Only the status goes into the error, and from there into retention_runs.error.
  const failure = (method: string, key: string, res: Response) => new Error(`S3 ${method} ${key} failed with HTTP ${res.status}`);

  return {
    locate: (key) => `s3://${config.bucket}/${checkObjectKey(key).join('/')}`,

    async put(key, bytes) {
      const res = await send('PUT', key, bytes);
      await res.body?.cancel();
      if (!res.ok) throw failure('PUT', key, res);
    },

    async get(key) {
      const res = await send('GET', key);
      if (res.status === 404) {
        await res.body?.cancel();
        return null;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw failure('GET', key, res);
      }
      return new Uint8Array(await res.arrayBuffer());
    },

    async delete(key) {
      const res = await send('DELETE', key);
      await res.body?.cancel();
      if (!res.ok && res.status !== 404) throw failure('DELETE', key, res);
    },

    async exists(key) {
      const res = await send('HEAD', key);
      await res.body?.cancel();
      if (res.status === 404) return false;
      if (!res.ok) throw failure('HEAD', key, res);
      return true;
    },
  };
}
