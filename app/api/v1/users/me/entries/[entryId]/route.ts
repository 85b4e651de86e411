// PATCH /api/v1/users/me/entries/:entryId — the patient corrects one of their hand-made entries (the POST
// body's fields to change); DELETE retracts it (204). entryId: `reading:<uuid>`, `event:<uuid>`,
// `meal:<uuid>`, `dose:<uuid>` or `sample:<row id>` (lib/data/corrections.ts). Someone else's entry is not found; a
// device-synced sample is refused (403).
import { requireCaller } from '@/lib/auth/session';
import { patientCorrector } from '@/lib/data/corrections';
import { deleteEntry, patchEntry } from '@/lib/data/corrections-http';
import { ownEntryTarget } from '@/lib/data/entries';
import { route } from '@/lib/http/handler';

export const PATCH = route<{ entryId: string }>('caller', async (req, { entryId }) =>
  patchEntry(req, patientCorrector(await ownEntryTarget(await requireCaller(['PATIENT']))), entryId),
);

export const DELETE = route<{ entryId: string }>('caller', async (_req, { entryId }) =>
  deleteEntry(patientCorrector(await ownEntryTarget(await requireCaller(['PATIENT']))), entryId),
);
