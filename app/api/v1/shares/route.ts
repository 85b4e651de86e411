// POST /api/v1/shares — a patient shares chosen types and dates until an expiry, with a registered doctor
// or caregiver or by a link (its code is in this answer only). GET — a patient's own shares (never codes
// or hashes), or the active shares a doctor or caregiver received.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { createShare, listReceivedShares, listSharesOfPatient, shareInputSchema } from '@/lib/data/shares';
import { readJson, route } from '@/lib/http/handler';

export const GET = route({ caller: true, list: 'received-shares' }, async () => {
  const caller = await requireCaller(['PATIENT', 'DOCTOR', 'CAREGIVER']);
  if (caller.role === 'PATIENT') return NextResponse.json({ shares: await listSharesOfPatient(caller.id) });
  return NextResponse.json({ shares: await listReceivedShares(caller) });
});

export const POST = route({ kind: 'share', created: true }, async (req) => {
  const caller = await requireCaller(['PATIENT']);
  const input = shareInputSchema.parse((await readJson(req, 8 * 1024)).json);
  return NextResponse.json(await createShare(caller.id, input), { status: 201 });
});
