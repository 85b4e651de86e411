// GET /api/v1/patients/:patientId/entries/:entryId/history — the history of an entry the calling caregiver
// (with can_log_data) recorded for the patient; anything else is not found.
import { requireCaller } from '@/lib/auth/session';
import { caregiverCorrector } from '@/lib/data/corrections';
import { historyOfEntry } from '@/lib/data/corrections-http';
import { caregiverEntryTarget } from '@/lib/data/entries';
import { route } from '@/lib/http/handler';

export const GET = route<{ patientId: string; entryId: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId, entryId }) =>
  historyOfEntry(caregiverCorrector(await caregiverEntryTarget(await requireCaller(), patientId)), entryId),
);
