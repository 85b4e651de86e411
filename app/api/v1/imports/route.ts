// POST /api/v1/imports — a signed-in patient uploads an export (multipart `file`, optional `format`:
// apple-health | fhir | openmhealth | health-connect, detected when absent) → 202 { id }; the import runs in the
// background (GET /api/v1/imports/{id} for progress). GET — the patient's recent imports. This path is
// outside proxy.ts (an upload must stream, not be buffered), so it refuses cross-site requests itself
// (and route() puts the security headers on its answers).
import { after, NextResponse } from 'next/server';
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { createImport, listImports } from '@/lib/data/imports';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { detectFormat } from '@/lib/imports/detect';
import { receiveUpload } from '@/lib/imports/upload';
import { isCrossSiteMutation } from '@/lib/security/cross-origin';
import { dispatch } from '@/inngest/dispatch';

const FORMATS = { 'apple-health': 'APPLE_HEALTH', fhir: 'FHIR', openmhealth: 'OPENMHEALTH', 'health-connect': 'HEALTH_CONNECT' } as const;
const formatField = z.enum(['apple-health', 'fhir', 'openmhealth', 'health-connect']);

export const GET = route('caller', async () => {
  const caller = await requireCaller(['PATIENT']);
  return NextResponse.json({ imports: await listImports(caller.id) });
});

export const POST = route({ kind: 'import', created: true }, async (req) => {
  if (isCrossSiteMutation({ method: req.method, headers: req.headers, cookieNames: req.cookies.getAll().map((c) => c.name) })) {
    throw new ApiError('FORBIDDEN', 'cross-site request refused');
  }
  const caller = await requireCaller(['PATIENT']);
  const { dir, maxBytes } = env().imports;
  const upload = await receiveUpload(req, dir, maxBytes);
  try {
    const declared = upload.format === null || upload.format === '' ? null : formatField.safeParse(upload.format);
    if (declared && !declared.success) {
      throw new ApiError('VALIDATION_ERROR', 'unknown format', [{ field: 'format', reason: 'must be apple-health, fhir, openmhealth or health-connect' }]);
    }
    const format = declared?.data ?? detectFormat(upload.head, upload.fileName);
    if (!format) {
      throw new ApiError('VALIDATION_ERROR', 'unrecognized file', [
        { field: 'file', reason: 'not an Apple Health export (zip or XML), a FHIR resource, Open mHealth data points or a Health Connect export (zip or .db); pass `format` if it is one' },
      ]);
    }
    const created = await createImport({ userId: caller.id, format: FORMATS[format], filePath: upload.path, bytesTotal: upload.bytes });
    after(() => dispatch([{ key: 'importRequested', data: { userId: caller.id, importId: created.id } }]));
    return NextResponse.json({ id: created.id }, { status: 202 });
  } catch (error) {
    await rm(upload.path, { force: true });
    throw error;
  }
});
