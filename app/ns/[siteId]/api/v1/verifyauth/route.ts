// GET /ns/:siteId/api/v1/verifyauth(.json) — what the request's credential may do, answered 200 whatever it
// holds (canRead false and "UNAUTHORIZED" for none or a wrong one), as cgm-remote-monitor's lib/api/verifyauth.js.
import { NextResponse } from 'next/server';
import { noteAudit } from '@/lib/audit/context';
import { route } from '@/lib/http/handler';
import { resolveSiteCredential } from '@/lib/nightscout/authenticate';
import { verifyAuthAnswer } from '@/lib/nightscout/authorization';

export const GET = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const resolution = await resolveSiteCredential(req, siteId);
  const { credential } = resolution;
  if (credential) noteAudit({ actorDeviceId: credential.site.id, patientId: credential.site.userId, details: credential.kind === 'token' ? { tokenId: credential.token.id } : {} });
  return NextResponse.json({ status: 200, message: verifyAuthAnswer(resolution) });
});
