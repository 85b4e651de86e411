// POST /api/v1/patients/:patientId/review — the linked doctor marks the patient as reviewed now (their
// own link's last_reviewed_at). Anyone else, a caregiver included, gets 404.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { markPatientReviewed } from '@/lib/data/triage';
import { route } from '@/lib/http/handler';

export const POST = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId }) =>
  NextResponse.json(await markPatientReviewed(await requireCaller(), patientId)),
);
