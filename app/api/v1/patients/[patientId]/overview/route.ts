// GET /api/v1/patients/:patientId/overview — insights, recent events, medications with adherence and
// emergencies, as far as the caller's active care link allows (sections it does not allow are null).
// No link of the caller's own role: 404.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { findPatientOverview } from '@/lib/data/patient-overview';
import { route } from '@/lib/http/handler';

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId }) =>
  NextResponse.json(await findPatientOverview(await requireCaller(), patientId)),
);
