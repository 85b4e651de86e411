// GET /api/v1/users/me/entries/:entryId/history — every state of one of the patient's hand-made entries:
// { revisions: [{ revision, action: CREATED|CORRECTED|RETRACTED, at, by, entry }] } (retracted ones too).
import { requireCaller } from '@/lib/auth/session';
import { patientCorrector } from '@/lib/data/corrections';
import { historyOfEntry } from '@/lib/data/corrections-http';
import { ownEntryTarget } from '@/lib/data/entries';
import { route } from '@/lib/http/handler';

export const GET = route<{ entryId: string }>('caller', async (_req, { entryId }) =>
  historyOfEntry(patientCorrector(await ownEntryTarget(await requireCaller(['PATIENT']))), entryId),
);
