// POST /api/v1/users/me/entries — the signed-in patient logs a reading or an event (lib/data/entries);
// a stored reading starts the pipeline after the response.
import { after, NextResponse } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { requireCaller } from '@/lib/auth/session';
import { createEntry, entryInputSchema, MAX_ENTRY_BYTES, ownEntryTarget } from '@/lib/data/entries';
import { readJson, route } from '@/lib/http/handler';

export const POST = route('caller', async (req) => {
  const caller = await requireCaller(['PATIENT']);
  const input = entryInputSchema.parse((await readJson(req, MAX_ENTRY_BYTES)).json);
  const { entry, samplesStored } = await createEntry(await ownEntryTarget(caller), input);
  if (samplesStored) after(() => dispatch([{ key: 'samplesSynced', data: { userId: entry.patientId } }]));
  return NextResponse.json(entry, { status: 201 });
});
