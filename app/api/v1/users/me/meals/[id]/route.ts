// PATCH /api/v1/users/me/meals/:id — the patient corrects one of their meals (the POST body's fields to
// change); DELETE retracts it (and its photo). Either keeps the meal's earlier state in its history
// (GET /api/v1/users/me/entries/meal:<id>/history). Someone else's meal is not found.
import { requireCaller } from '@/lib/auth/session';
import { patientCorrector } from '@/lib/data/corrections';
import { deleteEntry, patchEntry } from '@/lib/data/corrections-http';
import { ownEntryTarget } from '@/lib/data/entries';
import { route } from '@/lib/http/handler';

export const PATCH = route<{ id: string }>('caller', async (req, { id }) =>
  patchEntry(req, patientCorrector(await ownEntryTarget(await requireCaller(['PATIENT']))), `meal:${id}`),
);

export const DELETE = route<{ id: string }>('caller', async (_req, { id }) =>
  deleteEntry(patientCorrector(await ownEntryTarget(await requireCaller(['PATIENT']))), `meal:${id}`),
);
