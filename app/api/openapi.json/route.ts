// GET /api/openapi.json — the public API's OpenAPI 3.1 document (built from the zod schemas in lib/api).
// Public: it describes the API, not anyone's data.
import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/api/openapi';
import { route } from '@/lib/http/handler';

export const GET = route('nobody', async () =>
  NextResponse.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } }),
);
