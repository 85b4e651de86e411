// PATCH /api/v1/care-team/:linkId { permissions } — the patient changes a caregiver's permissions.
// DELETE — the patient ends a link, or its doctor or caregiver leaves; effective on the next request.
// Someone else's link, an ended or an unknown one is 404.
import { NextResponse } from 'next/server';
import { permissionsChangeSchema } from '@/lib/api/invitations';
import { requireCaller } from '@/lib/auth/session';
import { changeCaregiverPermissions, endCareLink } from '@/lib/data/care-team';
import { readJson, route } from '@/lib/http/handler';

export const PATCH = route<{ linkId: string }>({ kind: 'careLink', param: 'linkId' }, async (req, { linkId }) => {
  const caller = await requireCaller(['PATIENT']);
  const { permissions } = permissionsChangeSchema.parse((await readJson(req, 4 * 1024)).json);
  return NextResponse.json({ linkId, permissions: await changeCaregiverPermissions(caller.id, linkId, permissions) });
});

export const DELETE = route<{ linkId: string }>({ kind: 'careLink', param: 'linkId' }, async (_req, { linkId }) => {
  await endCareLink(await requireCaller(['PATIENT', 'DOCTOR', 'CAREGIVER']), linkId);
  return new Response(null, { status: 204 });
});
