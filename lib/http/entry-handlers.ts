// POST of a manual entry, shared by /users/me/entries (the patient) and /patients/{id}/entries (a
// caregiver with log permission): the routes decide whose entry it is; the body is parsed once here and
// an Idempotency-Key is honoured. `onSamplesStored` runs once a reading's samples are committed (the
// route starts the pipeline with it, after the response).
import type { NextRequest } from 'next/server';
import { entryInputSchema, MAX_ENTRY_BYTES, storeEntry, type EntryTarget } from '../data/entries';
import { readJson } from './handler';
import { idempotentWrite } from './idempotency';

export async function entryCreateResponse(req: NextRequest, target: EntryTarget, onSamplesStored: () => void) {
  const { text, json } = await readJson(req, MAX_ENTRY_BYTES);
  return idempotentWrite(req, text, target, async (idem) => {
    const outcome = await storeEntry(target, entryInputSchema.parse(json), idem);
    if (outcome.kind === 'stored' && outcome.samplesStored) onSamplesStored();
    return outcome;
  });
}
