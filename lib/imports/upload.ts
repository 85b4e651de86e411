// Receives a multipart upload (`file`, optional `format`) and streams the file to disk, never holding it
// in memory: an Apple Health export can be several GB. Refuses another Content-Type (415), a multipart
// type without its boundary or a body that is not well-formed multipart (400), past the size cap (413)
// and anything without a file (422), and removes a partial file on every failure.
import busboy from 'busboy';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ApiError } from '../http/errors';

export type Upload = { path: string; bytes: number; fileName: string; head: Buffer; format: string | null };

export async function receiveUpload(req: Request, dir: string, maxBytes: number): Promise<Upload> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type)) throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be multipart/form-data with a `file` field');
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { 'content-type': type }, limits: { files: 1, fileSize: maxBytes, fields: 5, fieldSize: 100 } });
  } catch {
    // busboy reads the type's parameters here: a missing boundary (RFC 2046 requires it) or a malformed one.
    throw new ApiError('BAD_REQUEST', 'Content-Type multipart/form-data needs a well-formed boundary parameter (let the HTTP client build the form)');
  }
  if (!req.body) throw new ApiError('VALIDATION_ERROR', 'no file', [{ field: 'file', reason: 'required' }]);
  // Only the upload folder itself is private (a recursive mkdir would give its parents, e.g. .data, the
  // same mode, locking out the embedded PostgreSQL's user).
  await mkdir(path.dirname(path.resolve(dir)), { recursive: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, randomUUID());
  let format: string | null = null;
  let received: Promise<Omit<Upload, 'format'>> | null = null;

  parser.on('field', (name, value) => {
    if (name === 'format') format = value;
  });
  parser.on('file', (name, stream, info) => {
    if (name !== 'file' || received) {
      stream.resume();
      return;
    }
    let bytes = 0;
    let head = Buffer.alloc(0);
    let truncated = false;
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (head.length < 4096) head = Buffer.concat([head, chunk.subarray(0, 4096 - head.length)]);
    });
    stream.on('limit', () => (truncated = true));
    received = pipeline(stream, createWriteStream(target, { mode: 0o600 })).then(() => {
      if (truncated) throw new ApiError('PAYLOAD_TOO_LARGE', `file exceeds ${maxBytes} bytes`);
      return { path: target, bytes, fileName: info.filename ?? '', head };
    });
    received.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile
  });

  try {
    await pipeline(Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>), parser);
    if (!received) throw new ApiError('VALIDATION_ERROR', 'no file', [{ field: 'file', reason: 'required' }]);
    const file = await (received as Promise<Omit<Upload, 'format'>>);
    if (file.bytes === 0) throw new ApiError('VALIDATION_ERROR', 'empty file', [{ field: 'file', reason: 'must not be empty' }]);
    return { ...file, format };
  } catch (error) {
    await rm(target, { force: true });
    if (error instanceof ApiError) throw error;
    throw new ApiError('BAD_REQUEST', 'malformed multipart body');
  }
}
