// The correction endpoints' shared bodies, for /users/me/entries/{entryId} (the patient: any of their
// hand-made entries) and /patients/{id}/entries/{entryId} (a caregiver with log permission: only entries
// they recorded), and the meals' PATCH/DELETE: correct (PATCH, the POST body's fields to change), retract
// (DELETE, 204) and the history (GET …/history). A corrected or retracted reading starts the pipeline
// after the response, as a sync does, so aggregates and insights recompute.
import { after, NextResponse, type NextRequest } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { readJson } from '../http/handler';
import { correctEntry, entryHistory, resolveEntryId, retractEntry, type Corrector, type EntryRef } from './corrections';
import { MAX_ENTRY_BYTES } from './entries';

const recompute = (c: Corrector, ref: EntryRef) => {
  if (ref.kind === 'reading') after(() => dispatch([{ key: 'samplesSynced', data: { userId: c.patientId } }]));
};

export async function patchEntry(req: NextRequest, c: Corrector, ref: EntryRef | string) {
  const resolved = typeof ref === 'string' ? await resolveEntryId(c.patientId, ref) : ref;
  const body = (await readJson(req, MAX_ENTRY_BYTES)).json;
  const entry = await correctEntry(c, resolved, body);
  recompute(c, resolved);
  return NextResponse.json({ entry, corrected: true });
}

export async function deleteEntry(c: Corrector, ref: EntryRef | string) {
  const resolved = typeof ref === 'string' ? await resolveEntryId(c.patientId, ref) : ref;
  await retractEntry(c, resolved);
  recompute(c, resolved);
  return new NextResponse(null, { status: 204 });
}

export async function historyOfEntry(c: Corrector, ref: string) {
  return NextResponse.json({ revisions: await entryHistory(c, await resolveEntryId(c.patientId, ref)) });
}
