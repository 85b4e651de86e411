// The meal endpoints' shared pieces, for /users/me/meals/... (the patient's own) and
// /patients/{id}/meals/... (carers): the list with excursions and patterns, the photo's upload body
// (raw bytes, size-capped while streaming; the type is judged from the bytes, not the Content-Type) and
// its answer (decrypted bytes; lib/security/headers.ts answers no-store for every API route).
import { NextResponse, type NextRequest } from 'next/server';
import type { ReadScope } from '../data/access';
import { mealsAnswer } from '../data/meal-report';
import { MAX_PHOTO_BYTES } from '../data/meals';
import { ApiError, notFound } from './errors';
import { periodOf } from './glucose-handlers';
import { readBodyCapped } from './handler';

export async function mealsListResponse(req: NextRequest, scope: ReadScope) {
  const now = Date.now();
  return NextResponse.json(await mealsAnswer(scope, periodOf(req, scope, now), now));
}

/** The request body as bytes: 413 past MAX_PHOTO_BYTES (declared or streamed). */
export async function readPhotoBody(req: NextRequest): Promise<Uint8Array> {
  if (Number(req.headers.get('content-length') ?? NaN) > MAX_PHOTO_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE', `a photo is at most ${MAX_PHOTO_BYTES} bytes`);
  return readBodyCapped(req, MAX_PHOTO_BYTES, `a photo is at most ${MAX_PHOTO_BYTES} bytes`);
}

export function photoResponse(photo: { bytes: Uint8Array; contentType: string }) {
  return new NextResponse(Buffer.from(photo.bytes), {
    headers: { 'Content-Type': photo.contentType, 'X-Content-Type-Options': 'nosniff', 'Content-Disposition': 'inline' },
  });
}

export const mealNotFound = () => notFound('meal');
