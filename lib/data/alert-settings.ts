// A doctor's alert settings for one patient: the patient's thresholds (shared by all their carers) and
// how this doctor receives that patient's emergencies (at once, or in a daily digest).
import type { Caller } from '../auth/session';
import { prisma } from '../db/client';
import type { AlertDelivery } from '../generated/prisma/enums';
import { ApiError } from '../http/errors';
import { validateThresholds, type AlertThresholds } from '../pipeline/insights';
import { requireDoctorOf } from './access';
import { alertThresholdsFor } from './emergencies';
import { type EscalationTimings, escalationTimingsOf, setEscalationTimings } from './notification-preferences';

export async function getAlertSettings(caller: Caller, patientId: string) {
  const { linkId } = await requireDoctorOf(caller, patientId);
  const link = await prisma.careRelationship.findUniqueOrThrow({ where: { id: linkId }, select: { alertDelivery: true } });
  return { thresholds: await alertThresholdsFor(patientId), delivery: link.alertDelivery, escalation: await escalationTimingsOf(patientId) };
}

export async function setPatientEscalation(caller: Caller, patientId: string, timings: EscalationTimings) {
  await requireDoctorOf(caller, patientId);
  await setEscalationTimings(patientId, timings);
}

export async function setAlertThresholds(caller: Caller, patientId: string, thresholds: AlertThresholds) {
  await requireDoctorOf(caller, patientId);
  const problems = validateThresholds(thresholds);
  if (problems.length > 0) {
    throw new ApiError('VALIDATION_ERROR', 'thresholds are not plausible', problems.map((p) => ({ field: p.field, reason: p.message })));
  }
  await prisma.alertThresholds.upsert({
    where: { patientId },
    create: { patientId, ...thresholds, updatedById: caller.id },
    update: { ...thresholds, updatedById: caller.id },
  });
  return thresholds;
}

export async function setAlertDelivery(caller: Caller, patientId: string, delivery: AlertDelivery) {
  const { linkId } = await requireDoctorOf(caller, patientId);
  await prisma.careRelationship.update({ where: { id: linkId }, data: { alertDelivery: delivery } });
  return { delivery };
}
