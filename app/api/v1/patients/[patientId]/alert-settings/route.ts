// GET | PUT /api/v1/patients/:patientId/alert-settings — a linked doctor reads or sets the patient's
// alert thresholds, escalation timings and how they receive this patient's emergencies. Anyone else gets 404.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { getAlertSettings, setAlertDelivery, setAlertThresholds, setPatientEscalation } from '@/lib/data/alert-settings';
import { escalationSchema } from '@/lib/data/notification-preferences';
import { readJson, route } from '@/lib/http/handler';

const body = z
  .object({
    thresholds: z
      .object({ glucoseLowMgDl: z.number(), glucoseHighMgDl: z.number(), systolicHigh: z.number(), diastolicHigh: z.number() })
      .strict()
      .optional(),
    delivery: z.enum(['IMMEDIATE', 'DAILY_DIGEST', 'NONE']).optional(),
    escalation: escalationSchema.optional(),
  })
  .strict();

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId }) => {
  const caller = await requireCaller(['DOCTOR']);
  return NextResponse.json(await getAlertSettings(caller, patientId));
});

export const PUT = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) => {
  const caller = await requireCaller(['DOCTOR']);
  const input = body.parse((await readJson(req, 8 * 1024)).json);
  if (input.thresholds) await setAlertThresholds(caller, patientId, input.thresholds);
  if (input.delivery) await setAlertDelivery(caller, patientId, input.delivery);
  if (input.escalation) await setPatientEscalation(caller, patientId, input.escalation);
  return NextResponse.json(await getAlertSettings(caller, patientId));
});
