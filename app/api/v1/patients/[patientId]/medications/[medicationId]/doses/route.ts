// GET | POST /api/v1/patients/:patientId/medications/:medicationId/doses — a linked doctor or a caregiver with
// view permission reads the doses; a caregiver with log permission logs one (recorded as them). Anyone
// else gets 404 before the body is read.
import { requireCaller } from '@/lib/auth/session';
import { patientScope } from '@/lib/data/access';
import { caregiverEntryTarget } from '@/lib/data/entries';
import { route } from '@/lib/http/handler';
import { doseLogResponse, dosesListResponse } from '@/lib/http/medication-handlers';

type Params = { patientId: string; medicationId: string };

export const GET = route<Params>({ kind: 'patient', param: 'patientId' }, async (req, { patientId, medicationId }) =>
  dosesListResponse(req, await patientScope(await requireCaller(['DOCTOR', 'CAREGIVER']), patientId), medicationId),
);

export const POST = route<Params>({ kind: 'patient', param: 'patientId' }, async (req, { patientId, medicationId }) =>
  doseLogResponse(req, await caregiverEntryTarget(await requireCaller(), patientId), medicationId),
);
