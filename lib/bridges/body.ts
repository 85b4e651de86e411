// A bridge's request body: JSON, optionally gzip-compressed (Content-Encoding: gzip), capped before and
// after inflating (413), so a small compressed body cannot inflate past the limit.
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { ApiError } from '../http/errors';

const inflate = promisify(gunzip);

/** Past the sync route's 8 MB: the app sends a day or two of second-by-second heart rate in one body. */
export const MAX_BRIDGE_BODY_BYTES = 8 * 1024 * 1024;
export const MAX_BRIDGE_INFLATED_BYTES = 32 * 1024 * 1024;

async function readCapped(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new ApiError('PAYLOAD_TOO_LARGE', `body exceeds ${maxBytes} bytes`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new ApiError('PAYLOAD_TOO_LARGE', `body exceeds ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/** The body's text (inflated) and its JSON: 415 unless JSON, 413 past the caps, 400 if malformed. */
export async function readBridgeBody(req: Request): Promise<{ text: string; json: unknown }> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type)) throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json');
  const encoding = (req.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Encoding must be gzip or absent');
  let bytes = await readCapped(req, MAX_BRIDGE_BODY_BYTES);
  if (encoding === 'gzip') {
    try {
      bytes = await inflate(bytes, { maxOutputLength: MAX_BRIDGE_INFLATED_BYTES });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ApiError('PAYLOAD_TOO_LARGE', `body inflates past ${MAX_BRIDGE_INFLATED_BYTES} bytes`);
      }
      throw new ApiError('BAD_REQUEST', 'malformed gzip body');
    }
  }
  const text = bytes.toString('utf8');
  try {
    return { text, json: JSON.parse(text) };
  } catch (error) {
    throw new ApiError('BAD_REQUEST', `malformed JSON: ${(error as Error).message}`);
  }
}
