// POST /api/v1/users/me/entries — the signed-in patient logs a reading or an event (lib/data/entries);
// a stored reading starts the pipeline after the response. An Idempotency-Key makes a resend (the offline
// app after a lost answer) answer again instead of storing twice (lib/http/idempotency.ts).
import { after } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { requireCaller } from '@/lib/auth/session';
import { ownEntryTarget } from '@/lib/data/entries';
import { entryCreateResponse } from '@/lib/http/entry-handlers';
import { route } from '@/lib/http/handler';

export const POST = route('caller', async (req) => {
  const target = await ownEntryTarget(await requireCaller(['PATIENT']));
  return entryCreateResponse(req, target, () => after(() => dispatch([{ key: 'samplesSynced', data: { userId: target.patientId } }])));
});
