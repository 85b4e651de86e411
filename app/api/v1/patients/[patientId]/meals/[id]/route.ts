// PATCH /api/v1/patients/:patientId/meals/:id — a caregiver with can_log_data corrects a meal they
// recorded for the patient; DELETE retracts it (and its photo), its earlier state kept in the history.
// Other meals, and anyone else, get 404.
import { requireCaller } from '@/lib/auth/session';
import { caregiverCorrector } from '@/lib/data/corrections';
import { deleteEntry, patchEntry } from '@/lib/data/corrections-http';
import { caregiverEntryTarget } from '@/lib/data/entries';
import { route } from '@/lib/http/handler';

export const PATCH = route<{ patientId: string; id: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId, id }) =>
  patchEntry(req, caregiverCorrector(await caregiverEntryTarget(await requireCaller(), patientId)), `meal:${id}`),
);

export const DELETE = route<{ patientId: string; id: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId, id }) =>
  deleteEntry(caregiverCorrector(await caregiverEntryTarget(await requireCaller(), patientId)), `meal:${id}`),
);
