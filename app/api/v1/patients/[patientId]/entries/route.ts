// POST /api/v1/patients/:patientId/entries — a caregiver with can_log_data logs for the patient (recorded
// as them); anyone else gets 404 before the body is read, so a bad body reveals nothing either.
import { after, NextResponse } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { requireCaller } from '@/lib/auth/session';
import { caregiverEntryTarget, createEntry, entryInputSchema, MAX_ENTRY_BYTES } from '@/lib/data/entries';
import { readJson, route } from '@/lib/http/handler';

export const POST = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) => {
  const target = await caregiverEntryTarget(await requireCaller(), patientId);
  const input = entryInputSchema.parse((await readJson(req, MAX_ENTRY_BYTES)).json);
  const { entry, samplesStored } = await createEntry(target, input);
  if (samplesStored) after(() => dispatch([{ key: 'samplesSynced', data: { userId: entry.patientId } }]));
  return NextResponse.json(entry, { status: 201 });
});
