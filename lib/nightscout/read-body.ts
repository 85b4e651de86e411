// A Nightscout upload's JSON body: plain or gzip-compressed (Content-Encoding: gzip, as AndroidAPS and
// xDrip+ can send), at most MAX_BODY_BYTES once decompressed (413 beyond, so a small compressed bomb
// is stopped while it inflates), 400 when it is not JSON.
import type { NextRequest } from 'next/server';
import { ApiError } from '../http/errors';

export const MAX_BODY_BYTES = 8 * 1024 * 1024;

const tooLarge = () => new ApiError('PAYLOAD_TOO_LARGE', `body exceeds ${MAX_BODY_BYTES} bytes`);

export async function readNightscoutJson(req: NextRequest): Promise<unknown> {
  const type = req.headers.get('content-type') ?? 'application/json';
  if (!/^(application\/(.+\+)?json|text\/plain)\s*(;|$)/i.test(type)) throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json');
  if (Number(req.headers.get('content-length') ?? NaN) > MAX_BODY_BYTES) throw tooLarge();
  const encoding = (req.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Encoding must be gzip or none');
  if (!req.body) throw new ApiError('BAD_REQUEST', 'a JSON body is required');
  const stream = encoding === 'gzip' ? req.body.pipeThrough(new DecompressionStream('gzip')) : req.body;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('BAD_REQUEST', 'the body is not valid gzip');
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new ApiError('BAD_REQUEST', 'malformed JSON');
  }
}
