// PATCH /api/v1/patients/:patientId/entries/:entryId — a caregiver with can_log_data corrects an entry
// they recorded for the patient; DELETE retracts it (204). Entries others recorded, and anyone else, get
// 404 before the body is read (lib/data/corrections.ts names the entry ids).
import { requireCaller } from '@/lib/auth/session';
import { caregiverCorrector } from '@/lib/data/corrections';
import { deleteEntry, patchEntry } from '@/lib/data/corrections-http';
import { caregiverEntryTarget } from '@/lib/data/entries';
import { route } from '@/lib/http/handler';

export const PATCH = route<{ patientId: string; entryId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId, entryId }) =>
  patchEntry(req, caregiverCorrector(await caregiverEntryTarget(await requireCaller(), patientId)), entryId),
);

export const DELETE = route<{ patientId: string; entryId: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId, entryId }) =>
  deleteEntry(caregiverCorrector(await caregiverEntryTarget(await requireCaller(), patientId)), entryId),
);
