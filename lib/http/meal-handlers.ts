// The meal endpoints' shared pieces, for /users/me/meals/... (the patient's own) and
// /patients/{id}/meals/... (carers): the creation (an Idempotency-Key honoured, as for entries), the list
// with excursions and patterns, the photo's upload body
// (raw bytes, size-capped while streaming; the type is judged from the bytes, not the Content-Type) and
// its answer (decrypted bytes; lib/security/headers.ts answers no-store for every API route).
import { NextResponse, type NextRequest } from 'next/server';
import type { ReadScope } from '../data/access';
import type { EntryTarget } from '../data/entries';
import { mealsAnswer } from '../data/meal-report';
import { MAX_MEAL_BYTES, MAX_PHOTO_BYTES, mealInputSchema, storeMeal } from '../data/meals';
import { ApiError, notFound } from './errors';
import { periodOf } from './glucose-handlers';
import { readBodyCapped, readJson } from './handler';
import { idempotentWrite } from './idempotency';

/** POST of a meal for `target`'s patient (201 with the meal); an Idempotency-Key is honoured. */
export async function mealCreateResponse(req: NextRequest, target: EntryTarget) {
  const { text, json } = await readJson(req, MAX_MEAL_BYTES);
  return idempotentWrite(req, text, target, (idem) => storeMeal(target, mealInputSchema.parse(json), idem));
}

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
