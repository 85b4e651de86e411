// The medication operations (issue 19), under both prefixes: /users/me/medications (the patient's own) and
// /patients/{patientId}/medications (a linked doctor prescribes and changes; a caregiver with view
// permission reads; a caregiver with log permission logs doses). Shares never cover medications.
import type { z } from 'zod';
import type { Role } from '../generated/prisma/enums';
import { idempotencyKeyHeader, replayedHeader } from './common';
import { doseLogRequest, dosesQuery, doseLog, medication, medicationAdherence, medicationDoses, medicationList, medicationPatchRequest, medicationRequest, medicationVersions } from './medications';
import { errors, json, type Operation, type Response } from './operation';

const TAG = 'Medications';
const OWN = '/api/v1/users/me/medications';
const THEIRS = '/api/v1/patients/{patientId}/medications';
const PATIENT_ID = { patientId: 'The patient’s user id.' };
const MEDICATION_ID = { medicationId: 'The medication id.' };
const READERS: readonly Role[] = ['DOCTOR', 'CAREGIVER'];
const THEIRS_TEXT = 'For a doctor, or a caregiver with view permission, with an active care relationship to the patient (a share does not cover medications). Every read is audited.';
const IDEMPOTENT = 'Resent with the same Idempotency-Key and body (after a lost answer), it answers the first log again and logs nothing more; keys are per user, kept 24 hours.';
const DOSES_DOCS = { from: 'First local day of the patient, YYYY-MM-DD (default: 7 days before to).', to: 'Last local day, included (default: the patient’s today); at most 92 days after from.' };

const answer = (description: string, schema: z.ZodType): Response => ({ description, content: json(schema) });
/** What reading a JSON body (lib/http/handler.ts readJson, 16 KiB) refuses. */
const bodyErrors = () => errors([400, 'Malformed JSON.'], [413, 'Body over 16 KiB.'], [415, 'Not application/json.']);

export const MEDICATION_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: OWN,
    operationId: 'listOwnMedications',
    tag: TAG,
    summary: 'The patient’s medications, each with its next doses',
    callers: ['PATIENT'],
    responses: { 200: answer('Active and upcoming first.', medicationList), ...errors(401, 403) },
  },
  {
    method: 'post',
    path: OWN,
    operationId: 'addOwnMedication',
    tag: TAG,
    summary: 'Add one of the patient’s own (over the counter) medications',
    description: 'Version 1 of a medication without a prescriber. Never critical: that is set by a doctor.',
    callers: ['PATIENT'],
    body: { contentType: 'application/json', schema: medicationRequest },
    responses: { 201: answer('Added.', medication), ...bodyErrors(), ...errors(401, 403, [422, 'Validation failed (a field, `critical` given, `endedOn` before `startedOn`, a schedule planning no dose); `details` names each field.']) },
  },
  {
    method: 'get',
    path: `${OWN}/{medicationId}`,
    operationId: 'getOwnMedication',
    tag: TAG,
    summary: 'One of the patient’s medications',
    callers: ['PATIENT'],
    pathParams: MEDICATION_ID,
    responses: { 200: answer('Its current version.', medication), ...errors(401, 403, 404) },
  },
  {
    method: 'patch',
    path: `${OWN}/{medicationId}`,
    operationId: 'updateOwnMedication',
    tag: TAG,
    summary: 'Change or stop one of the patient’s medications (a new version)',
    description: 'The patient changes what they added themselves; a prescription they may only stop (`{"stopped": true}`).',
    callers: ['PATIENT'],
    pathParams: MEDICATION_ID,
    body: { contentType: 'application/json', schema: medicationPatchRequest },
    responses: {
      200: answer('The new current version.', medication),
      ...bodyErrors(),
      ...errors(401, [403, 'Not a patient, or a change to a prescription (the patient may stop it).'], 404, [409, 'The medication is stopped, or changed meanwhile.'], [422, 'Validation failed, or the body changes nothing; `details` names each field.']),
    },
  },
  {
    method: 'get',
    path: `${OWN}/{medicationId}/versions`,
    operationId: 'listOwnMedicationVersions',
    tag: TAG,
    summary: 'Every version of one of the patient’s medications',
    callers: ['PATIENT'],
    pathParams: MEDICATION_ID,
    responses: { 200: answer('Oldest first.', medicationVersions), ...errors(401, 403, 404) },
  },
  {
    method: 'get',
    path: `${OWN}/{medicationId}/doses`,
    operationId: 'listOwnMedicationDoses',
    tag: TAG,
    summary: 'The planned doses of some days, with their logs, and the extra doses',
    description: 'Planned doses whose window has passed with no log are written as missed first.',
    callers: ['PATIENT'],
    pathParams: MEDICATION_ID,
    query: dosesQuery,
    queryDocs: DOSES_DOCS,
    responses: { 200: answer('The doses of from..to.', medicationDoses), ...errors(401, 403, 404, [422, 'Bad query: a bad day, from after to, more than 92 days, an unknown parameter.']) },
  },
  {
    method: 'post',
    path: `${OWN}/{medicationId}/doses`,
    operationId: 'logOwnMedicationDose',
    tag: TAG,
    summary: 'Log a dose taken or skipped',
    description: `A dose written as missed and logged after all is replaced by the log (taken late, or skipped). ${IDEMPOTENT}`,
    callers: ['PATIENT'],
    pathParams: MEDICATION_ID,
    headers: idempotencyKeyHeader,
    body: { contentType: 'application/json', schema: doseLogRequest },
    responses: {
      201: { ...answer('Logged.', doseLog), headers: replayedHeader },
      ...bodyErrors(),
      ...errors([400, 'Malformed JSON, or a bad Idempotency-Key.'], 401, 403, 404, [409, 'That planned dose is already logged, or the medication was stopped before that time.'], [422, 'Validation failed (`details` names each field), or an Idempotency-Key reused with another request.']),
    },
  },
  {
    method: 'get',
    path: `${OWN}/adherence`,
    operationId: 'getOwnMedicationAdherence',
    tag: TAG,
    summary: 'The patient’s adherence over 7, 14 and 30 days, and streaks',
    description: 'Planned doses whose window has passed with no log are written as missed first.',
    callers: ['PATIENT'],
    responses: { 200: answer('Overall and per medication.', medicationAdherence), ...errors(401, 403) },
  },

  {
    method: 'get',
    path: THEIRS,
    operationId: 'listPatientMedications',
    tag: TAG,
    summary: 'A cared-for patient’s medications, each with its next doses',
    description: THEIRS_TEXT,
    callers: READERS,
    pathParams: PATIENT_ID,
    responses: { 200: answer('Active and upcoming first.', medicationList), ...errors(401, [403, 'Not a doctor or caregiver.'], 404) },
  },
  {
    method: 'post',
    path: THEIRS,
    operationId: 'prescribeMedication',
    tag: TAG,
    summary: 'Prescribe a medication to a patient',
    description: 'For a doctor with an active care relationship to the patient; the doctor is its prescriber and may mark it critical.',
    callers: ['DOCTOR'],
    pathParams: PATIENT_ID,
    body: { contentType: 'application/json', schema: medicationRequest },
    responses: {
      201: answer('Prescribed.', medication),
      ...bodyErrors(),
      ...errors(401, [403, 'Not a doctor.'], [404, 'Not a patient of this doctor.'], [422, 'Validation failed (a field, `endedOn` before `startedOn`, a schedule planning no dose); `details` names each field.']),
    },
  },
  {
    method: 'get',
    path: `${THEIRS}/{medicationId}`,
    operationId: 'getPatientMedication',
    tag: TAG,
    summary: 'One of a cared-for patient’s medications',
    description: THEIRS_TEXT,
    callers: READERS,
    pathParams: { ...PATIENT_ID, ...MEDICATION_ID },
    responses: { 200: answer('Its current version.', medication), ...errors(401, [403, 'Not a doctor or caregiver.'], 404) },
  },
  {
    method: 'patch',
    path: `${THEIRS}/{medicationId}`,
    operationId: 'updatePatientMedication',
    tag: TAG,
    summary: 'Change or stop a patient’s medication (a new version)',
    description: 'For a doctor with an active care relationship to the patient: any medication of theirs, prescribed or not.',
    callers: ['DOCTOR'],
    pathParams: { ...PATIENT_ID, ...MEDICATION_ID },
    body: { contentType: 'application/json', schema: medicationPatchRequest },
    responses: {
      200: answer('The new current version.', medication),
      ...bodyErrors(),
      ...errors(401, [403, 'Not a doctor.'], 404, [409, 'The medication is stopped, or changed meanwhile.'], [422, 'Validation failed, or the body changes nothing; `details` names each field.']),
    },
  },
  {
    method: 'get',
    path: `${THEIRS}/{medicationId}/versions`,
    operationId: 'listPatientMedicationVersions',
    tag: TAG,
    summary: 'Every version of a cared-for patient’s medication',
    description: THEIRS_TEXT,
    callers: READERS,
    pathParams: { ...PATIENT_ID, ...MEDICATION_ID },
    responses: { 200: answer('Oldest first.', medicationVersions), ...errors(401, [403, 'Not a doctor or caregiver.'], 404) },
  },
  {
    method: 'get',
    path: `${THEIRS}/{medicationId}/doses`,
    operationId: 'listPatientMedicationDoses',
    tag: TAG,
    summary: 'A cared-for patient’s planned doses of some days, with their logs, and the extra doses',
    description: `${THEIRS_TEXT} Planned doses whose window has passed with no log are written as missed first.`,
    callers: READERS,
    pathParams: { ...PATIENT_ID, ...MEDICATION_ID },
    query: dosesQuery,
    queryDocs: DOSES_DOCS,
    responses: {
      200: answer('The doses of from..to.', medicationDoses),
      ...errors(401, [403, 'Not a doctor or caregiver.'], 404, [422, 'Bad query: a bad day, from after to, more than 92 days, an unknown parameter.']),
    },
  },
  {
    method: 'post',
    path: `${THEIRS}/{medicationId}/doses`,
    operationId: 'logPatientMedicationDose',
    tag: TAG,
    summary: 'Log a dose for a cared-for patient',
    description: `For a caregiver whose active care relationship carries log permission; the log is recorded as theirs. Anyone else (doctors too) gets 404 before the body is validated. ${IDEMPOTENT}`,
    callers: ['CAREGIVER'],
    pathParams: { ...PATIENT_ID, ...MEDICATION_ID },
    headers: idempotencyKeyHeader,
    body: { contentType: 'application/json', schema: doseLogRequest },
    responses: {
      201: { ...answer('Logged.', doseLog), headers: replayedHeader },
      ...bodyErrors(),
      ...errors([400, 'Malformed JSON, or a bad Idempotency-Key.'], 401, [404, 'Not a patient this caller may log for, or no such medication.'], [409, 'That planned dose is already logged, or the medication was stopped before that time.'], [422, 'Validation failed (`details` names each field), or an Idempotency-Key reused with another request.']),
    },
  },
  {
    method: 'get',
    path: `${THEIRS}/adherence`,
    operationId: 'getPatientMedicationAdherence',
    tag: TAG,
    summary: 'A cared-for patient’s adherence over 7, 14 and 30 days, and streaks',
    description: `${THEIRS_TEXT} Planned doses whose window has passed with no log are written as missed first.`,
    callers: READERS,
    pathParams: PATIENT_ID,
    responses: { 200: answer('Overall and per medication.', medicationAdherence), ...errors(401, [403, 'Not a doctor or caregiver.'], 404) },
  },
];
