// DELETE /api/v1/patients/:patientId/questionnaires/schedules/:scheduleId — a linked doctor stops a
// schedule (kept as a record, stoppedAt set). Anyone else, or another patient's schedule: 404.
import { requireCaller } from '@/lib/auth/session';
import { patientScope, requireDoctorOf } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { scheduleStopResponse } from '@/lib/questionnaires/handlers';

export const DELETE = route<{ patientId: string; scheduleId: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId, scheduleId }) => {
  const caller = await requireCaller(['DOCTOR']);
  await requireDoctorOf(caller, patientId);
  return scheduleStopResponse(await patientScope(caller, patientId), scheduleId);
});
