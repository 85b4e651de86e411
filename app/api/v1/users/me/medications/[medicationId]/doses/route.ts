// GET | POST /api/v1/users/me/medications/:medicationId/doses — the planned doses of the patient's local days
// ?from&to with their logs (and extra doses), and logging one: {status: taken | skipped, takenAt?,
// scheduledFor?, reason?}.
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { ownEntryTarget } from '@/lib/data/entries';
import { route } from '@/lib/http/handler';
import { doseLogResponse, dosesListResponse } from '@/lib/http/medication-handlers';

export const GET = route<{ medicationId: string }>('caller', async (req, { medicationId }) => dosesListResponse(req, await ownScope(await requireCaller(['PATIENT'])), medicationId));

export const POST = route<{ medicationId: string }>('caller', async (req, { medicationId }) =>
  doseLogResponse(req, await ownEntryTarget(await requireCaller(['PATIENT'])), medicationId),
);
