// POST /api/v1/patients/:patientId/entries — a caregiver with can_log_data logs for the patient (recorded
// as them); anyone else gets 404 before the body is read, so a bad body reveals nothing either. An
// Idempotency-Key is honoured as on the patient's own route (keys are per caregiver).
import { after } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { requireCaller } from '@/lib/auth/session';
import { caregiverEntryTarget } from '@/lib/data/entries';
import { entryCreateResponse } from '@/lib/http/entry-handlers';
import { route } from '@/lib/http/handler';

export const POST = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) => {
  const target = await caregiverEntryTarget(await requireCaller(), patientId);
  return entryCreateResponse(req, target, () => after(() => dispatch([{ key: 'samplesSynced', data: { userId: patientId } }])));
});
